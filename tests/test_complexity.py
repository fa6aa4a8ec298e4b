"""Complexity numbers: cyclomatic agrees with radon's own `cc_visit` (cognitive complexity has
its own table in test_cognitive_complexity.py)."""

from __future__ import annotations

import ast
import json
import textwrap

import pytest
from radon.complexity import cc_visit

from plexilint.analysis.complexity import extract_complexity_facts

SNIPPETS = [
    "def f(x):\n    return x\n",
    "def f(x):\n    if x and x > 1 or x < -1:\n        return 1\n    return [y for y in x if y]\n",
    "def f(x):\n    match x:\n        case 1:\n            return 1\n        case [a, b]:\n            return a\n    return 0\n",
    "class C:\n    def m(self, x):\n        for i in x:\n            try:\n                i()\n            except ValueError:\n                pass\n"
    "            except TypeError:\n                continue\n",
    "def outer(x):\n    def inner(y):\n        while y:\n            y -= 1\n        return y\n    return inner(x) if x else 0\n",
    "async def f(x):\n    async for i in x:\n        async with i:\n            assert i\n    return lambda: 1 if x else 2\n",
]


def _radon_numbers(code: str) -> dict[str, int]:
    numbers = {}

    def collect(blocks, prefix=""):
        for block in blocks:
            name = f"{prefix}{block.name}"
            if hasattr(block, "methods"):
                collect(block.methods, f"{name}.")
                continue
            numbers[name] = block.complexity
            collect(block.closures, f"{name}.")

    # cc_visit lists methods twice: inside their class and flattened; keep the class view.
    collect([b for b in cc_visit(code) if not getattr(b, "is_method", False)])
    return numbers


@pytest.mark.parametrize("code", SNIPPETS)
def test_cyclomatic_agrees_with_radon(code):
    facts = extract_complexity_facts(ast.parse(code), code)
    assert {f.qualname: f.cyclomatic for f in facts.functions} == _radon_numbers(code)


# Snippets that exercise every branch of radon's raw-metrics scanner: docstrings (one and
# several lines, prefixed, followed by a comment), comments inside brackets, `;`, one-line
# compound statements, colons that are not block colons (dicts, lambdas, slices, annotations,
# walrus), backslash continuations, strings holding `#` and brackets, blank lines in strings.
MI_SNIPPETS = [
    "",
    "# only a comment\n",
    '"""Module docstring."""\n',
    'r"""A raw\n\nmulti-line docstring."""\nx = 1\n',
    '"""Docstring."""  # with a comment\n',
    "x = 1; y = 2\nif x: y = 3\nelse:\n    pass\n",
    "d = {'a': 1,  # a comment in brackets\n     'b': [1, 2][0:1]}\nf = lambda v: v\nn: int = 3\n",
    "if (n := 10) > 5:\n    total = 1 + \\\n        2\n",
    "s = '# not a comment ( [ {'\nt = \"\"\"also\n# not\nreal\"\"\"\n",
    "def f(a, b):\n    '''Doc.\n\n    More.\n    '''\n    if a and b or a:\n        return [x for x in a if x]\n"
    "    # why\n    return b\n",
    "class C:\n    x: int\n    def m(self): return self.x\n    async def n(self):\n        async with self:\n"
    "            await self.m()\n",
    "x = f'{1:>10}' + rb'\\x00' + f\"{'#'}\"\ny = ('a'\n     'b')\n",
]


@pytest.mark.parametrize("code", MI_SNIPPETS)
def test_raw_counts_agree_with_radon(code):
    from radon.raw import analyze

    from plexilint.analysis.maintainability import raw_counts

    expected = analyze(code)
    counts = raw_counts(code)
    assert (counts.lloc, counts.sloc, counts.comments, counts.multi) == (
        expected.lloc, expected.sloc, expected.comments, expected.multi)


@pytest.mark.parametrize("code", MI_SNIPPETS + SNIPPETS)
def test_maintainability_index_agrees_with_radon(code):
    from radon.metrics import mi_visit

    facts = extract_complexity_facts(ast.parse(code), code)
    assert facts.maintainability == pytest.approx(mi_visit(code, True), abs=1e-9)


def test_raw_counts_of_a_long_multiline_statement_match_radon_scaled():
    # radon's own scanner re-tokenizes the statement once per added line (quadratic); compare
    # a 3,000-line literal against radon's numbers for a 30-line twin, scaled.
    from radon.raw import analyze

    from plexilint.analysis.maintainability import raw_counts

    def literal(keys: int) -> str:
        return "CONFIG = {\n" + "".join(f"    'key{i}': {i},  # {i}\n" for i in range(keys)) + "}\n"

    twin = analyze(literal(30))
    counts = raw_counts(literal(3000))
    assert (counts.lloc, counts.sloc, counts.comments, counts.multi) == (
        twin.lloc, twin.sloc + 2970, twin.comments + 2970, twin.multi)


def _groups(code: str) -> list[list[str]]:
    from plexilint.analysis.cohesion import lcom4

    facts = extract_complexity_facts(ast.parse(textwrap.dedent(code)), textwrap.dedent(code))
    return lcom4(facts.classes[0].method_links, facts.classes[0].accessors)


def test_lcom4_reading_a_property_links_to_it():
    assert _groups("""
        class Files:
            @property
            def root(self):
                if self._root is None:
                    self._root = self.default
                return self._root

            def upload(self, name):
                return self.root / name

            def remove(self, name):
                (self.root / name).unlink()
    """) == [["root", "upload", "remove"]]


def test_lcom4_calling_a_stored_callable_uses_that_attribute():
    # pickle's unpickler: `self.read = file.read` once, then every loader calls `self.read()`.
    assert _groups("""
        class Unpickler:
            def __init__(self, file):
                self.read = file.read
                self.stack = []

            def load_int(self):
                return int(self.read(4))

            def load_float(self):
                return float(self.read(8))

            def load_none(self):
                self.stack.append(None)

            def load_list(self):
                self.stack.append(list(self.read(1)))
    """) == [["load_int", "load_float", "load_none", "load_list"]]


def test_lcom4_a_method_handing_self_around_stays_linked_by_what_it_uses():
    # The dispatcher passes `self` and looks a handler up with getattr: it is still the hub.
    assert _groups("""
        class Handler:
            def handle(self):
                command = self.parse()
                method = getattr(self, "do_" + command)
                audit(self)
                method()
                self.reply(200)

            def parse(self):
                return self.raw.readline()

            def reply(self, code):
                self.wfile.write(code)

            def log(self, text):
                self.stderr.write(text)
    """) == [["handle", "parse", "reply"], ["log"]]


def test_lcom4_counts_no_group_for_stateless_methods_and_their_callers():
    assert _groups("""
        class Settings:
            def host(self):
                return self._host or "localhost"

            def port(self):
                return self._port or 80

            def as_dict(self):
                return dict(vars(self))

            def as_lines(self):
                return [f"{k}={v}" for k, v in self.as_dict().items()]
    """) == [["host"], ["port"]]


def test_lcom4_links_through_dunders_aliases_and_shared_inherited_methods():
    assert _groups("""
        class Patch:
            def __enter__(self):
                self._apply()

            def start(self):
                return self.__enter__()

            def _apply(self):
                self.target.update(self.values)

            def walk(self):
                node = self
                while node is not None:
                    node = node.values

            def run(self):
                self.enable()

            def stop(self):
                self.enable()
                self.count += 1
    """) == [["run", "stop"], ["start", "_apply", "walk"]]


def test_lcom4_leaves_accessors_out():
    # A value object's getters and setters of one attribute each are not separate concerns.
    assert _groups("""
        class Source:
            def get_name(self):
                return self._name

            def set_name(self, name):
                self._name = name

            def get_size(self):
                return self._size
    """) == []


def test_lcom4_disconnected_groups_stay_apart():
    assert _groups("""
        class Mixed:
            def read(self):
                return self.cache.get()

            def write(self, v):
                self.cache.put(v)

            def send(self):
                return self.smtp.send()
    """) == [["read", "write"], ["send"]]


def test_dispatch_chain_branches_may_end_in_try_or_nested_if():
    code = textwrap.dedent("""
        def coerce(value, kind):
            if kind == "int":
                try:
                    return int(value)
                except ValueError:
                    return 0
            elif kind == "bool":
                if value in ("1", "true"):
                    return True
                else:
                    return False
            elif kind == "float":
                result = float(value)
            elif kind == "list":
                with open(value) as handle:
                    return handle.read().split(",")
            return value
    """)
    facts = extract_complexity_facts(ast.parse(code), code)
    assert [(c.subject, c.branches) for c in facts.chains] == [("kind", 4)]


def test_functions_in_every_kind_of_block_are_measured():
    code = textwrap.dedent("""
        async def outer(lock):
            async with lock:
                def in_async_with():
                    return 1
            try:
                pass
            except* ValueError:
                def in_except_star():
                    return 2
            match lock:
                case 1:
                    def in_case(x):
                        return 1 if x else 2
    """)
    facts = extract_complexity_facts(ast.parse(code), code)
    cyclomatic = {f.qualname: f.cyclomatic for f in facts.functions}
    assert cyclomatic == {"outer": 3, "outer.in_async_with": 1, "outer.in_except_star": 1, "outer.in_case": 2}


def test_deeply_nested_expressions_do_not_exhaust_the_stack():
    depth = 1_500  # past the interpreter's recursion limit (1,000), within what ast.parse builds
    code = "def f(x):\n    return " + " + ".join(["(x if x else 1)"] * depth) + "\n"
    facts = extract_complexity_facts(ast.parse(code), code)
    (function,) = facts.functions
    assert function.cyclomatic == 1 + depth
    assert function.cognitive == depth


def test_line_numbers_survive_form_feeds():
    # str.splitlines would also break at the form feed and shift every later line by one.
    code = "x = 1\n\x0c\n# noqa: PLX401\ndef f(a):\n    return a\n"
    (function,) = extract_complexity_facts(ast.parse(code), code).functions
    assert function.noqa_lines == (3,)


def test_low_cohesion_message_says_how_many_groups_it_leaves_out(project, cli):
    methods = "".join(f"    def use_{n}(self):\n        self.part_{n}.append(1)\n        return len(self.part_{n})\n\n"
                      for n in range(6))
    root = project({"pkg/__init__.py": "", "pkg/wide.py": "class Wide:\n" + methods})
    status, out, _ = cli("check", root / "pkg", "--select", "PLX405", "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert status == 1
    assert finding["message"] == (
        "`Wide` has 6 unrelated groups of methods, limit 2 (use_0; use_1; use_2; use_3; and 2 more): "
        "split it into one class per group")
