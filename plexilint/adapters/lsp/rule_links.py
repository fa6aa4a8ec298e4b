"""Where a rule's documentation is, as a URI an editor can open."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from plexilint import __version__
from plexilint.reporting.rule_docs import rule_markdown
from plexilint.rules import rule_for

# docs/rules/ of a source checkout (an editable install); a normal install has no docs/.
CHECKOUT_DOCS = Path(__file__).resolve().parents[3] / "docs" / "rules"


def generated_docs_directory() -> Path:
    """Per user and version: the rule pages written from the installed rules themselves."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "plexilint" / f"rules-{__version__}"


@functools.lru_cache(maxsize=None)
def rule_doc_uri(code: str) -> str | None:
    """``file:`` URI of the rule's page: the checkout's docs/rules/PLXnnn.md, else the page
    generated into the user's cache directory. None for an unknown code or an unwritable cache."""
    checked_in = CHECKOUT_DOCS / f"{code}.md"
    if checked_in.is_file():
        return checked_in.as_uri()
    rule = rule_for(code)
    if rule is None:
        return None
    page = generated_docs_directory() / f"{code}.md"
    text = rule_markdown(rule)
    try:
        if not page.is_file() or page.read_text(encoding="utf-8") != text:
            page.parent.mkdir(parents=True, exist_ok=True)
            partial = page.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, page)  # another server writing the same page never leaves half of it
    except OSError:
        return None
    return page.as_uri()
