"""A session (what a front-end keeps between analyses) remembers its analyses and facts, and
shares nothing with another session: no process-wide cache."""

from __future__ import annotations

from conftest import spy_on
from plexilint.engine import extraction
from plexilint.runner.session import Session

FILES = {
    "pkg/__init__.py": "",
    "pkg/a.py": "class EventManager:\n    pass\n",
    "pkg/b.py": "class EventManager:\n    pass\n",
}


def test_a_session_analyses_a_project_once_and_another_session_again(project):
    root = project(FILES, "cache = false\n")
    session = Session()
    first = session.project_analysis_for(root / "pkg/a.py")
    assert session.project_analysis_for(root / "pkg/b.py") is first
    assert Session().project_analysis_for(root / "pkg/a.py") is not first


def test_an_edited_file_is_the_only_one_a_session_extracts_again(project, monkeypatch):
    root = project(FILES, "cache = false\n")  # no disk cache: what is not extracted again is remembered
    extracted = spy_on(monkeypatch, extraction, "extract_facts")
    session = Session()
    edited = root / "pkg/b.py"
    session.findings_for_source(edited, edited.read_bytes())
    assert len(extracted) == 3
    session.findings_for_source(edited, b"import os\n")
    assert extracted[3:] == [edited.resolve()]
    assert len(session.facts) == 4  # the three saved files and the buffer

    other = Session()
    other.findings_for_source(edited, b"import os\n")
    assert len(extracted) == 3 + 1 + 3 + 1  # nothing shared: the other session extracts everything again
