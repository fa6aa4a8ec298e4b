"""Facts for the complexity family (PLX4xx): per-function and per-class numbers, dispatch
chains and global state, from the tree the engine already parsed (cyclomatic complexity and
the maintainability index follow radon's rules, so the numbers agree with `radon cc` and
`radon mi`)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from itertools import accumulate

from plexilint.analysis.cohesion import accessors
from plexilint.analysis.maintainability import maintainability_index
from plexilint.analysis.metrics_walk import walk_module
from plexilint.analysis.scope_nodes import ScopeIndex
from plexilint.analysis.nodes import dotted_name, name_span, span_of
from plexilint.model import Span
from plexilint.analysis.source import source_lines

_MUTABLE_FACTORIES = {"dict", "list", "set", "defaultdict", "OrderedDict", "deque", "Counter"}


@dataclass(frozen=True, slots=True)
class FunctionMetrics:
    qualname: str
    span: Span
    cyclomatic: int
    cognitive: int
    lines: int
    noqa_lines: tuple[int, ...] = ()  # decorators and the comment line above the `def`
    end_line: int = 0
    # The function this one is defined in: its cognitive complexity includes this one's, so
    # this one is measured (`cognitive` is its share) but reported through the outermost one.
    enclosing: str = ""


@dataclass(frozen=True, slots=True)
class ClassMetrics:
    qualname: str
    span: Span
    methods: int
    lines: int
    noqa_lines: tuple[int, ...] = ()  # decorators and the comment line above the `class`
    # For cohesion (LCOM4): each non-dunder method with the `self` attributes it touches (a
    # stored callable it calls, `self.read()` after `self.read = file.read`, included) and the
    # methods it calls.
    method_links: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()  # see `lcom4`
    accessors: tuple[str, ...] = ()  # methods that only return or set one `self` attribute


@dataclass(frozen=True, slots=True)
class DispatchChainSite:
    """An `if`/`elif` chain testing one subject against many types or values (what PLX407 judges)."""

    span: Span
    function: str
    subject: str
    branches: int
    test: str  # "isinstance" or "equality"


@dataclass(frozen=True, slots=True)
class GlobalState:
    span: Span
    name: str
    how: str  # what makes it global state, for the message
    function: str = ""  # the function that rebinds or mutates it


@dataclass(frozen=True, slots=True)
class ComplexityFacts:
    code_lines: int = 0
    maintainability: float = 100.0  # radon's maintainability index of the module
    total_cyclomatic: int = 0  # radon's total for the module (its functions, classes and body)
    functions: tuple[FunctionMetrics, ...] = ()
    classes: tuple[ClassMetrics, ...] = ()
    chains: tuple[DispatchChainSite, ...] = ()
    global_state: tuple[GlobalState, ...] = ()


def _dispatch_subject(test: ast.expr) -> tuple[str, str] | None:
    if isinstance(test, ast.Call) and dotted_name(test.func) == "isinstance" and len(test.args) == 2:
        return ast.dump(test.args[0]), "isinstance"
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.Is, ast.In)):
        right = test.comparators[0]
        constant = isinstance(right, ast.Constant) or (
            isinstance(right, (ast.Tuple, ast.List, ast.Set)) and all(isinstance(e, ast.Constant) for e in right.elts)
        ) or (isinstance(right, ast.Attribute) and right.attr.isupper())
        if constant:
            return ast.dump(test.left), "equality"
    return None


_BRANCH_RESULTS = (ast.Return, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Raise)


def _returns_or_assigns(body: list[ast.stmt]) -> bool:
    """Whether a branch ends by returning, raising or assigning on every path (a `try` or a
    nested `if`/`else` counts when each of its own blocks does)."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, _BRANCH_RESULTS):
        return True
    if isinstance(last, ast.Try):
        main = last.orelse or last.body
        return _returns_or_assigns(main) and all(_returns_or_assigns(h.body) for h in last.handlers)
    if isinstance(last, ast.If):
        return _returns_or_assigns(last.body) and _returns_or_assigns(last.orelse)
    if isinstance(last, (ast.With, ast.AsyncWith)):
        return _returns_or_assigns(last.body)
    return False


class _Extractor:
    def __init__(self, tree: ast.Module, source: str, scopes: ScopeIndex | None = None) -> None:
        self.tree = tree
        self.source = source
        self.scopes = scopes
        self.lines = source_lines(source)
        # Code lines (neither blank nor comment-only; docstrings count) among the first n
        # lines, for every n: a function's count is a difference, not a scan of its lines.
        self.code_before = list(accumulate([line.lstrip()[:1] not in "#" for line in self.lines], initial=0))

    def run(self) -> ComplexityFacts:
        containers = _module_containers(self.tree)
        walked = walk_module(self.tree, frozenset(containers), self.scopes)
        functions = tuple(FunctionMetrics(
            f.qualname, name_span(f.node), f.cyclomatic, f.cognitive, self._function_code_lines(f.node),
            self._noqa_lines(f.node), f.node.end_lineno or f.node.lineno, f.enclosing) for f in walked.functions)
        classes = tuple(ClassMetrics(
            c.qualname, name_span(c.node), c.methods, (c.node.end_lineno or c.node.lineno) - c.node.lineno + 1,
            self._noqa_lines(c.node), tuple(links.result(c.stored) for links in c.links), accessors(c.node)) for c in walked.classes)
        state = _one_per_name(
            [GlobalState(span_of(node), name, f"rebound by `global` in `{function}`", function)
             for node, function in walked.global_statements for name in node.names
             if not _is_dunder(name) and function != "__getattr__"],  # PEP 562: a lazy import's cache
            [GlobalState(span_of(containers[name]), name,
                         f"a module-level {_kind_of_state(containers[name])} mutated in `{function}`", function)
             for name, (_, function) in sorted(walked.mutations.items()) if not _is_dunder(name)])
        maintainability = maintainability_index(self.source, walked.halstead.volume, walked.total_complexity)
        return ComplexityFacts(self.code_before[-1], maintainability, walked.total_complexity,
                               functions, classes, _dispatch_chains(walked.function_ifs), tuple(state))

    def _function_code_lines(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
        """A function's length in lines of code: its decorators and body, without blank lines,
        comment-only lines and the docstring (a well-commented function is not a long one)."""
        first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
        last = node.end_lineno or node.lineno
        code = self.code_before[last] - self.code_before[first - 1]
        head = node.body[0] if node.body else None
        if isinstance(head, ast.Expr) and isinstance(head.value, ast.Constant) and isinstance(head.value.value, str):
            code -= self.code_before[head.end_lineno or head.lineno] - self.code_before[head.lineno - 1]
        return code

    def _noqa_lines(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> tuple[int, ...]:
        """Where a `# noqa` about this block may also sit: its decorator lines and a comment
        line right above it (not a code line, whose noqa is about that code)."""
        first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
        above = first - 1
        lines = tuple(range(first, node.lineno))
        if above >= 1 and self.lines[above - 1].lstrip().startswith("#"):
            lines = (above, *lines)
        return lines


def _is_dunder(name: str) -> bool:
    """`__doc__`, `__all__`, `__path__`...: the module's own protocol, not hidden state."""
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def _one_per_name(rebound: list[GlobalState], mutated: list[GlobalState]) -> tuple[GlobalState, ...]:
    """One finding per name, where it is first seen: a name rebound by `global` in several
    functions (or also mutated) is one piece of global state; the message counts the other
    functions that touch it."""
    first: dict[str, GlobalState] = {}
    functions: dict[str, set[str]] = {}
    for state in sorted([*rebound, *mutated], key=lambda s: (s.span.line, s.span.column)):
        first.setdefault(state.name, state)
        functions.setdefault(state.name, set()).add(state.function)
    result = []
    for name, state in first.items():
        others = len(functions[name] - {state.function})
        result.append(state if not others else
                      GlobalState(state.span, name, f"{state.how}; also in {_functions(others)}", state.function))
    return tuple(result)


def _functions(count: int) -> str:
    return "1 other function" if count == 1 else f"{count} other functions"


def _dispatch_chains(ifs: list[tuple[ast.If, str]]) -> tuple[DispatchChainSite, ...]:
    """The if/elif chains testing one subject, among the `if`s of function bodies (in source
    order, so a chain's head comes before its `elif`s)."""
    chains, in_chain = [], set()
    for node, function in ifs:
        if id(node) in in_chain or not _has_elif(node):
            continue  # in a chain already, or no `elif`: no chain starts here (and no test is dumped)
        branches, subjects, current = [], [], node
        while True:
            subject = _dispatch_subject(current.test)
            if subject is None:
                break
            branches.append(current)
            subjects.append(subject)
            in_chain.add(id(current))
            if len(current.orelse) == 1 and isinstance(current.orelse[0], ast.If):
                current = current.orelse[0]
            else:
                break
        if len(branches) < 2 or len({s for s, _ in subjects}) != 1:
            continue
        if not all(_returns_or_assigns(b.body) for b in branches):
            continue
        kinds = {k for _, k in subjects}
        chains.append(DispatchChainSite(span_of(node), function, _subject_text(node), len(branches),
                                    "isinstance" if kinds == {"isinstance"} else "equality"))
    return tuple(chains)


def _has_elif(node: ast.If) -> bool:
    return len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)


def _module_containers(tree: ast.Module) -> dict[str, ast.Assign | ast.AnnAssign]:
    """Module-level names bound to a mutable container or to an object built from a class
    (not CONSTANTS, not dunders)."""
    containers: dict[str, ast.Assign | ast.AnnAssign] = {}
    for stmt in tree.body:
        if not isinstance(stmt, (ast.Assign, ast.AnnAssign)) or stmt.value is None or not _is_mutable(stmt.value):
            continue
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        for target in targets:
            if isinstance(target, ast.Name) and not target.id.isupper() and not target.id.startswith("__"):
                containers[target.id] = stmt
    return containers


def _is_mutable(value: ast.expr) -> bool:
    return _is_container(value) or _is_instance(value)


def _is_container(value: ast.expr | None) -> bool:
    return isinstance(value, (ast.List, ast.Dict, ast.Set)) or (
        isinstance(value, ast.Call) and (dotted_name(value.func) or "").rsplit(".", 1)[-1] in _MUTABLE_FACTORIES)


def _is_instance(value: ast.expr) -> bool:
    """``store = Store()``: a call of a CapWords name, which is a class by convention."""
    if not isinstance(value, ast.Call):
        return False
    callee = (dotted_name(value.func) or "").rsplit(".", 1)[-1]
    return callee[:1].isupper() and not callee.isupper()


def _kind_of_state(binding: ast.Assign | ast.AnnAssign) -> str:
    return "container" if _is_container(binding.value) else "object"


def _subject_text(node: ast.If) -> str:
    """The subject a chain's head tests: `isinstance(subject, ...)` or `subject == ...`."""
    test = node.test
    subject = test.args[0] if isinstance(test, ast.Call) else test.left if isinstance(test, ast.Compare) else test
    return dotted_name(subject) or type(subject).__name__.lower()


def extract_complexity_facts(tree: ast.Module, source: str, scopes: ScopeIndex | None = None) -> ComplexityFacts:
    """``scopes``: filled with each scope's nodes on the way (the database facts read them)."""
    return _Extractor(tree, source, scopes).run()
