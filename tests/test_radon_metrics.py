"""plexilint's one-walk radon metrics give radon's own numbers (bench/verify_radon.py checks a
whole corpus the same way)."""

from __future__ import annotations

import ast
import textwrap

import pytest
from radon.metrics import h_visit_ast
from radon.visitors import ComplexityVisitor

from plexilint.analysis.metrics_walk import radon_metrics

SNIPPETS = {
    "branches": """
        def f(x, y):
            if x and y or not x:
                return [i for i in x if i if i > 1]
            elif y:
                while x:
                    x -= 1
                else:
                    pass
            for i in y:
                try:
                    i()
                except ValueError:
                    pass
                except TypeError:
                    continue
                else:
                    break
            return 1 if x else 2
    """,
    "assert_is_one_point": """
        def f(a, b):
            assert a and b or a, "message"
            return a < b <= 3
    """,
    "match": """
        def f(command):
            match command:
                case "go" | "run":
                    return 1
                case [x, y] if x > y:
                    return 2
                case _:
                    return 0
    """,
    "nesting": """
        import functools

        @functools.lru_cache(maxsize=2 ** 8)
        class Outer(Base, metaclass=Meta):
            X = 1 if Y else 2

            def method(self, a=3 + 4):
                def closure(b):
                    return b or a

                class Local:
                    def inner(self):
                        return self.x and 1

                return closure(a) - -a

            class Inner:
                def deep(self):
                    return [a for a in range(3)]

        async def g(items):
            async for item in items:
                async with item:
                    await item
            return lambda v: v if v else None
    """,
    "module_level": """
        import sys

        if sys.version_info >= (3, 11) and not sys.flags.optimize:
            VALUE = {k: v for k, v in {}.items() if k}
        else:
            VALUE = None
        total = 0
        total += len(sys.argv) * 2
    """,
}


@pytest.mark.parametrize("name", SNIPPETS)
def test_same_numbers_as_radon(name):
    tree = ast.parse(textwrap.dedent(SNIPPETS[name]))
    visitor = ComplexityVisitor.from_ast(tree)
    ours = radon_metrics(tree)
    assert ours.total_complexity == visitor.total_complexity
    assert ours.halstead_volume == pytest.approx(h_visit_ast(tree).total.volume)
    expected = {}
    for block in visitor.blocks:
        expected[(block.lineno, block.name)] = block.complexity if not hasattr(block, "methods") else None
        for closure in getattr(block, "closures", []):
            expected[(closure.lineno, closure.name)] = closure.complexity
    for key, complexity in expected.items():
        if complexity is not None:
            assert ours.functions[key] == complexity, key
