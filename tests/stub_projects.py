"""Small projects the tests of several front-ends share."""

from __future__ import annotations


def stub(name: str) -> str:
    """A placeholder class: the same shape whatever the name (PLX101 when repeated)."""
    return f"class {name}:\n    def __init__(self):\n        pass\n"


# Two copies of one stub shape in two packages: one PLX101 finding in each.
DUPLICATED_STUBS = {
    "pkg/__init__.py": "",
    "pkg/events/__init__.py": stub("EventManager"),
    "pkg/files/__init__.py": stub("FileManager"),
}
