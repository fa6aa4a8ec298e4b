"""The complexity walk files each scope's nodes for the database facts (`ScopeIndex`): the same
nodes, in the same order, as the database family's own walk finds, and so the same facts."""

from __future__ import annotations

import ast
import textwrap

from plexilint.analysis.database import extract_database_facts
from plexilint.analysis.metrics_walk import walk_module
from plexilint.analysis.scope_nodes import ScopeIndex, ScopeNodes

SOURCE = textwrap.dedent('''
    import sqlite3
    handler = lambda row: sqlite3.connect(row)
    KEYS = [k for k in range(3) if (n := k)]

    @decorate(sqlite3.connect("a"))
    def fetch(db=sqlite3.connect("b"), *, key: int = len("x")) -> list:
        global KEYS
        sort = lambda rows: sorted(rows, key=lambda r: r.get("x"))
        try:
            cursor = db.cursor()
        except sqlite3.Error as error:
            raise RuntimeError(error) from error
        else:
            if cursor and (found := cursor.fetchone()):
                return sort(found)
        finally:
            db.close()

        class Local:
            value = sqlite3.connect("c")

            def method(self):
                yield from self.value.execute("select 1")

        async def inner():
            async with db.transaction() as tx:
                yield await tx.run()
        match key:
            case 1 if db.ping():
                return [db.execute(q) for q in KEYS]
            case _:
                while db.busy():
                    db.wait()
        assert db.check(), db.explain()
        return []
''')


def _groups(nodes: ScopeNodes) -> list[list[int]]:
    return [[id(node) for node in getattr(nodes, group)] for group in ScopeNodes.__slots__]


def test_the_complexity_walk_files_what_the_database_walk_finds():
    tree = ast.parse(SOURCE)
    index = ScopeIndex()
    walk_module(tree, frozenset(), index)
    assert _groups(index.module) == _groups(ScopeNodes(tree.body))
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    assert {f.name for f in functions} == {"fetch", "method", "inner"}
    for function in functions:
        assert _groups(index.functions[id(function)]) == _groups(ScopeNodes(function.body)), function.name
    # Nothing of a lambda, a definition (its decorators and defaults too) or a class body is
    # the module's own node.
    assert [ast.unparse(c.func) for c in index.module.calls] == ["range"]


def test_database_facts_are_the_same_either_way():
    tree = ast.parse(SOURCE)
    index = ScopeIndex()
    walk_module(tree, frozenset(), index)
    assert extract_database_facts(tree, SOURCE, "app.db", False, index) == \
        extract_database_facts(ast.parse(SOURCE), SOURCE, "app.db", False)
