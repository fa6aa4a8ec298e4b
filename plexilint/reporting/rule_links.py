"""Where the rule pages live on the web: SARIF's ``helpUri`` points there."""

from __future__ import annotations

import os

PROJECT_URL = "https://github.com/plexilint/plexilint"
# A fork or an internal mirror serves the pages elsewhere: the base URL of docs/rules/.
DOCS_URL_VARIABLE = "PLEXILINT_DOCS_URL"
_DEFAULT_DOCS_URL = f"{PROJECT_URL}/blob/main/docs/rules/"


def rule_docs_url(code: str) -> str:
    """``<base>/PLX101.md``: codes are never renumbered or reused, so the link stays right."""
    base = os.environ.get(DOCS_URL_VARIABLE) or _DEFAULT_DOCS_URL
    return f"{base.rstrip('/')}/{code}.md"
