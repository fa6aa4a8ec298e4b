"""File paths for CI annotations: relative to the working directory, which is the
repository root in GitHub Actions and GitLab CI."""

from __future__ import annotations

import os

from plexilint.model import Finding


def ci_path(finding: Finding, cwd: str) -> str:
    """Relative to cwd; a file outside it gets its path relative to its project root (an
    absolute path never matches a file of the repository)."""
    relative = os.path.relpath(finding.path, cwd)
    if relative.startswith(".."):
        return finding.relpath
    return relative.replace(os.sep, "/")
