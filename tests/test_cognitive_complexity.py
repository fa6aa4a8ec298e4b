"""Cognitive complexity, case by case, from SonarSource's definition (G. Ann Campbell,
"Cognitive Complexity, a new way of measuring understandability"). Each case names the rules
that give its figure: B = a structural increment of 1 (if, elif, else, loop, except, match,
ternary), N = the nesting increment added to B for a structure inside another, S = a sequence
of like boolean operators, R = recursion. Where the figure is a sum, the comment gives it term
by term in source order."""

from __future__ import annotations

import ast
import textwrap

import pytest

from plexilint.analysis.complexity import extract_complexity_facts
from plexilint.analysis.metrics_walk import cognitive_complexity

CASES = {
    # --- the flat structures
    "straight line": (0, """
        def f(x):
            y = x + 1
            return y
    """),
    "if": (1, """
        def f(x):
            if x:  # B
                return 1
    """),
    "if/elif/else": (3, """
        def f(x):
            if x > 0:  # B
                return 1
            elif x < 0:  # B (elif: no nesting increment)
                return 2
            else:  # B
                return 3
    """),
    "for, while, async for": (3, """
        async def f(x):
            for i in x:  # B
                pass
            while x:  # B
                x -= 1
            async for j in x:  # B
                pass
    """),
    "except clauses, each": (2, """
        def f(x):
            try:  # nothing for try
                x()
            except ValueError:  # B
                pass
            except TypeError:  # B
                pass
            finally:  # nothing for finally
                x.close()
    """),
    "match counts once, its cases nothing": (1, """
        def f(x):
            match x:  # B
                case 1:
                    return 1
                case _:
                    return 0
    """),
    "with, comprehensions, break and continue add nothing": (1, """
        def f(x):
            with x:
                for i in x:  # B
                    if_ok = [j for j in i if j]
                    break
    """),
    # --- try/except/else: the else is a branch and nests its body
    "try else: +1": (2, """
        def f(x):
            try:
                x()
            except ValueError:  # B
                pass
            else:  # B
                x.done()
    """),
    "try else nests its body": (4, """
        def f(x):
            try:
                x()
            except ValueError:  # B = 1
                pass
            else:  # B = 1
                if x:  # B + N(1) = 2
                    pass
    """),
    "try body and finally do not nest": (2, """
        def f(x):
            try:
                if x:  # B (nesting 0)
                    pass
            finally:
                if x:  # B (nesting 0)
                    pass
    """),
    "except nests its body": (3, """
        def f(x):
            try:
                x()
            except ValueError:  # B = 1
                if x:  # B + N(1) = 2
                    raise
    """),
    # --- loops with else
    "for else: +1": (2, """
        def f(x):
            for i in x:  # B
                pass
            else:  # B
                pass
    """),
    "while else: +1, its body nests": (6, """
        def f(x):
            while x:  # B = 1
                if x:  # B + N(1) = 2
                    break
            else:  # B = 1
                if x:  # B + N(1) = 2
                    pass
    """),
    # --- else holding only an if is not an elif
    "else: if is an else holding a nested if": (4, """
        def f(x):
            if x:  # B = 1
                pass
            else:  # B = 1
                if x > 1:  # B + N(1) = 2
                    pass
    """),
    "else: if/else": (5, """
        def f(x):
            if x:  # B = 1
                pass
            else:  # B = 1
                if x > 1:  # B + N(1) = 2
                    pass
                else:  # B = 1
                    pass
    """),
    "elif chain stays flat": (4, """
        def f(x):
            if x == 1:  # B
                pass
            elif x == 2:  # B
                pass
            elif x == 3:  # B
                pass
            else:  # B
                pass
    """),
    "a block inside an elif nests once, as inside the if": (7, """
        def f(x):
            if x == 1:  # B = 1
                if x:  # B + N(1) = 2
                    pass
            elif x == 2:  # B = 1
                if x:  # B + N(1) = 2
                    pass
            else:  # B = 1
                pass
    """),
    # --- ternaries
    "ternary": (1, """
        def f(x):
            return 1 if x else 0  # B
    """),
    "ternary in a ternary gets the nesting increment": (3, """
        def f(a, b):
            return 1 if a else (2 if b else 3)  # B = 1, inner: B + N(1) = 2
    """),
    "ternary in the condition of a ternary nests too": (3, """
        def f(a, b):
            return 1 if (a if b else None) else 0  # B = 1, inner: B + N(1) = 2
    """),
    "ternary inside an if": (3, """
        def f(x):
            if x:  # B = 1
                return 1 if x > 1 else 2  # B + N(1) = 2
    """),
    # --- recursion
    "recursion counts once per function": (1, """
        def fib(n):
            return fib(n - 1) + fib(n - 2)  # R (once, not per call)
    """),
    "recursion with a ternary": (2, """
        def f(n):
            return f(n - 1) if n else 0  # B = 1, R = 1
    """),
    "a method calling itself through self": (1, """
        class Tree:
            def depth(self, node):
                return 1 + self.depth(node.child)  # R
    """),
    "a classmethod calling itself through cls": (1, """
        class Tree:
            @classmethod
            def build(cls, items):
                return cls.build(items[1:])  # R
    """),
    "a method calling a global of the same name is not recursion": (0, """
        class Reader:
            def read(self, path):
                return read(path)  # a module-level function: no R
    """),
    "a method calling another method is not recursion": (0, """
        class Reader:
            def read(self, path):
                return self.load(path)
    """),
    "a static method calling a global of its name is not recursion": (0, """
        class Reader:
            @staticmethod
            def read(path):
                return read(path)
    """),
    # --- boolean operator sequences
    "one sequence of like operators": (1, """
        def f(a, b, c):
            return a and b and c  # S
    """),
    "and then or: two sequences": (2, """
        def f(a, b, c):
            return a and b or c  # S, S
    """),
    "or, and, or: three sequences": (3, """
        def f(a, b, c, d):
            return a or b and c or d  # S (or), S (and), S (or)
    """),
    "and, or, and: three sequences": (3, """
        def f(a, b, c, d):
            return a and b or c and d  # S, S, S
    """),
    "parenthesised like operators read as one sequence": (1, """
        def f(a, b, c):
            return (a or b) or c  # S
    """),
    "a not (...) holds its own sequence": (2, """
        def f(a, b, c):
            return a and not (b and c)  # S, S
    """),
    "a call argument holds its own sequence": (2, """
        def f(a, b, c):
            return g(a and b) and c  # S (inside the call), S
    """),
    "boolean operators in an if condition": (3, """
        def f(a, b, c):
            if a and b or c:  # B, S, S
                pass
    """),
    "boolean operators add no nesting increment": (4, """
        def f(x, a, b):
            for i in x:  # B = 1
                if a and b:  # B + N(1) = 2, then S = 1 (never more, whatever the nesting)
                    pass
    """),
    # --- nested functions, lambdas, classes in functions
    "a nested function nests its body": (2, """
        def f(x):
            def g():
                if x:  # B + N(1) = 2
                    return 1
            return g
    """),
    "a nested function inside a loop nests twice": (4, """
        def f(x):
            for i in x:  # B = 1
                def g():
                    if i:  # B + N(2) = 3
                        return 1
    """),
    "a decorator's wrapper counts in the decorator": (5, """
        def logged(func):
            def wrapper(*args):
                if args:  # B + N(1) = 2
                    return func(*args) if args[0] else None  # B + N(2) = 3
            return wrapper
    """),
    "a lambda nests its body": (2, """
        def f(x):
            return sorted(x, key=lambda v: 0 if v else 1)  # B + N(1) = 2
    """),
    "a nested function's decorator and default values run in the enclosing body": (2, """
        def f(x, retry):
            @retry(when=lambda e: 1 if e else 0)  # B + N(1) = 2 (lambda at nesting 0)
            def g(limit=None):
                return limit
            return g
    """),
    "a module-level function's decorators are not its body": (0, """
        @retry(when=lambda e: 1 if e else 0)
        def f(limit=1 if X else 2):
            return limit
    """),
    "a method of a class defined in a function nests like a nested function": (2, """
        def f(x):
            class Local:
                def m(self):
                    if x:  # B + N(1) = 2
                        return 1
            return Local
    """),
    "a nested function's own recursion counts in the enclosing figure": (2, """
        def f(items):
            def walk(node):
                return [walk(child) for child in node]  # R
            return walk(items) if items else []  # B
    """),
}

def _figures(code: str) -> dict[str, int]:
    source = textwrap.dedent(code)
    facts = extract_complexity_facts(ast.parse(source), source)
    return {f.qualname: f.cognitive for f in facts.functions if not f.enclosing}


@pytest.mark.parametrize(("expected", "code"), CASES.values(), ids=CASES.keys())
def test_cognitive_complexity_follows_the_definition(expected, code):
    figures = _figures(code)
    assert len(figures) == 1, figures
    assert next(iter(figures.values())) == expected


def test_a_nested_function_keeps_its_share_and_names_its_enclosing_function():
    source = textwrap.dedent("""
        def outer(x):
            if x:  # B = 1
                pass
            def inner(y):
                if y:  # B + N(1) = 2
                    pass
            return inner
    """)
    facts = extract_complexity_facts(ast.parse(source), source)
    by_name = {f.qualname: f for f in facts.functions}
    assert (by_name["outer"].cognitive, by_name["outer"].enclosing) == (3, "")
    assert (by_name["outer.inner"].cognitive, by_name["outer.inner"].enclosing) == (2, "outer")


def test_the_helper_measures_one_function_with_its_nested_ones():
    function = ast.parse(textwrap.dedent(CASES["a nested function nests its body"][1])).body[0]
    assert cognitive_complexity(function) == 2
