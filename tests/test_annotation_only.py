"""Which imports a module reads in annotations only: the text decides when it can, the
syntax tree otherwise, and both give what counting every name of the tree gives."""

from __future__ import annotations

import ast
import textwrap

import pytest

from plexilint.analysis.database.annotation_only import annotation_only_names


def _only_annotations(source: str, names: set[str]) -> set[str]:
    source = textwrap.dedent(source)
    return set(annotation_only_names(ast.parse(source), source, names))


def _annotations(tree: ast.Module) -> list[ast.expr]:
    found = [n.annotation for n in ast.walk(tree) if isinstance(n, (ast.arg, ast.AnnAssign)) and n.annotation]
    found += [n.returns for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.returns]
    return found + [s.value for s in tree.body if isinstance(s, ast.Assign) and isinstance(s.value, ast.Subscript)]


def _by_counting_every_name(source: str, names: set[str]) -> set[str]:
    """The definition: read in annotations at least once, and nowhere else."""
    tree = ast.parse(textwrap.dedent(source))
    in_annotations = [n.id for a in _annotations(tree) for n in ast.walk(a) if isinstance(n, ast.Name)]
    loads = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    return {name for name in names if 0 < in_annotations.count(name) >= loads.count(name)}


CASES = {
    "annotation only": ("""
        from sqlalchemy.orm import Session
        def get(s: Session) -> Session: ...
        """, {"Session"}),
    "also called": ("""
        from sqlalchemy.orm import Session
        def get(s: Session):
            return Session()
        """, set()),
    "also in a comment and a string only": ("""
        from sqlalchemy.orm import Session  # the Session type
        def get(s: Session):
            return "Session"
        """, {"Session"}),
    "read in a decorator above the def line": ("""
        from sqlalchemy.orm import Session
        def get(s: Session): ...
        @Session.register
        def other(): ...
        """, set()),
    "read in an f-string": ("""
        from sqlalchemy.orm import Session
        def get(s: Session):
            return f"{Session!r} and {s}"
        """, set()),
    "an attribute of the same name is not a read": ("""
        from sqlalchemy.orm import Session
        def get(s: Session):
            return s.Session
        """, {"Session"}),
    "a variable annotation and a type alias": ("""
        from typing import Annotated
        from sqlalchemy.ext.asyncio import AsyncSession
        SessionDep = Annotated[AsyncSession, 1]
        engine: AsyncSession
        """, {"AsyncSession", "Annotated"}),
    "imported twice, then stored": ("""
        try:
            from sqlalchemy.orm import Session
        except ImportError:
            from sqlalchemy import Session
        def get(s: Session): ...
        Session = None
        """, {"Session"}),
    "not ascii: the tree decides": ("""
        from sqlalchemy.orm import Session
        é = 1
        def get(s: Session):
            return Session
        """, set()),
    "a name that is a prefix of another": ("""
        from sqlalchemy.orm import Session, SessionTransaction
        def get(s: Session, t: SessionTransaction):
            return SessionTransaction
        """, {"Session"}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_annotation_only_names(case):
    source, expected = CASES[case]
    names = {"Session", "SessionTransaction", "AsyncSession", "Annotated"}
    assert _only_annotations(source, names) == expected
    assert _by_counting_every_name(source, names) == expected
