"""Facts for the complexity family (PLX4xx): per-function and per-class numbers, dispatch
chains and global state, from the tree the engine already parsed (cyclomatic complexity and
the maintainability index follow radon's rules, so the numbers agree with `radon cc` and
`radon mi`)."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from plexilint.analysis.cognitive import cognitive_complexity
from plexilint.analysis.nodes import child_nodes, dotted_name, name_span, span_of
from plexilint.analysis.maintainability import maintainability_index
from plexilint.analysis.radon_metrics import radon_metrics
from plexilint.model import Span

_MUTATORS = {"append", "extend", "insert", "update", "setdefault", "pop", "popitem", "clear", "add", "remove",
             "discard", "appendleft", "extendleft"}
_MUTABLE_FACTORIES = {"dict", "list", "set", "defaultdict", "OrderedDict", "deque", "Counter"}


@dataclass(frozen=True)
class FunctionMetrics:
    qualname: str
    span: Span
    cyclomatic: int
    cognitive: int
    lines: int
    noqa_lines: tuple[int, ...] = ()  # decorators and the comment line above the `def`
    end_line: int = 0


@dataclass(frozen=True)
class ClassMetrics:
    qualname: str
    span: Span
    methods: int
    lines: int
    noqa_lines: tuple[int, ...] = ()  # decorators and the comment line above the `class`
    # For cohesion (LCOM4): each non-dunder method with the `self` attributes it touches and
    # the other methods it calls.
    method_links: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class DispatchChain:
    span: Span
    function: str
    subject: str
    branches: int
    test: str  # "isinstance" or "equality"


@dataclass(frozen=True)
class GlobalState:
    span: Span
    name: str
    how: str  # what makes it global state, for the message


@dataclass(frozen=True)
class ComplexityFacts:
    code_lines: int = 0
    maintainability: float = 100.0  # radon's maintainability index of the module
    total_cyclomatic: int = 0  # radon's total for the module (its functions, classes and body)
    functions: tuple[FunctionMetrics, ...] = ()
    classes: tuple[ClassMetrics, ...] = ()
    chains: tuple[DispatchChain, ...] = ()
    global_state: tuple[GlobalState, ...] = ()


def _code_lines(source: str) -> int:
    """Lines that hold code: neither blank nor comment-only (docstrings count as code)."""
    return sum(1 for line in source.splitlines() if line.strip() and not line.lstrip().startswith("#"))


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
    def __init__(self, tree: ast.Module, source: str) -> None:
        self.tree = tree
        self.source = source
        self.functions: list[FunctionMetrics] = []
        self.classes: list[ClassMetrics] = []
        self.chains: list[DispatchChain] = []
        self.global_state: list[GlobalState] = []
        self.chain_ifs: set[int] = set()
        self.lines = source.splitlines()

    def run(self) -> ComplexityFacts:
        radon = radon_metrics(self.tree)
        self._walk(self.tree.body, "", radon.functions)
        self._module_state()
        return ComplexityFacts(_code_lines(self.source),
                               maintainability_index(self.source, radon.halstead_volume, radon.total_complexity),
                               radon.total_complexity,
                               tuple(self.functions), tuple(self.classes), tuple(self.chains),
                               tuple(self.global_state))

    def _walk(self, body: list[ast.stmt], prefix: str, cyclomatic: dict) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                self._class(node, prefix, cyclomatic)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._function(node, prefix, cyclomatic)
            elif isinstance(node, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
                for block in ("body", "orelse", "finalbody", "handlers"):
                    children = getattr(node, block, [])
                    if block == "handlers":
                        children = [s for h in children for s in h.body]
                    self._walk(children, prefix, cyclomatic)

    def _class(self, node: ast.ClassDef, prefix: str, cyclomatic: dict) -> None:
        qualname = f"{prefix}{node.name}"
        methods = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
        self.classes.append(ClassMetrics(qualname, name_span(node), len(methods),
                                         (node.end_lineno or node.lineno) - node.lineno + 1,
                                         self._noqa_lines(node),
                                         tuple(_method_links(m) for m in methods if not m.name.startswith("__"))))
        self._walk(node.body, f"{qualname}.", cyclomatic)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, prefix: str, cyclomatic: dict) -> None:
        qualname = f"{prefix}{node.name}"
        first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
        self.functions.append(FunctionMetrics(
            qualname, name_span(node), cyclomatic.get((node.lineno, node.name), 1),
            cognitive_complexity(node), (node.end_lineno or node.lineno) - first + 1,
            self._noqa_lines(node), node.end_lineno or node.lineno))
        self._function_body(node, qualname)
        self._walk(node.body, f"{qualname}.", cyclomatic)

    def _noqa_lines(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> tuple[int, ...]:
        """Where a `# noqa` about this block may also sit: its decorator lines and a comment
        line right above it (not a code line, whose noqa is about that code)."""
        first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
        above = first - 1
        lines = tuple(range(first, node.lineno))
        if above >= 1 and self.lines[above - 1].lstrip().startswith("#"):
            lines = (above, *lines)
        return lines

    def _function_body(self, function: ast.FunctionDef | ast.AsyncFunctionDef, qualname: str) -> None:
        stack: list[ast.AST] = list(function.body)
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            if isinstance(node, ast.Global):
                for name in node.names:
                    self.global_state.append(GlobalState(span_of(node), name, f"rebound by `global` in `{qualname}`"))
            elif isinstance(node, ast.If) and id(node) not in self.chain_ifs:
                self._dispatch_chain(node, qualname)
            stack.extend(child_nodes(node))

    def _dispatch_chain(self, node: ast.If, qualname: str) -> None:
        branches, subjects, current = [], [], node
        while True:
            subject = _dispatch_subject(current.test)
            if subject is None:
                break
            branches.append(current)
            subjects.append(subject)
            self.chain_ifs.add(id(current))
            if len(current.orelse) == 1 and isinstance(current.orelse[0], ast.If):
                current = current.orelse[0]
            else:
                break
        if len(branches) < 2 or len({s for s, _ in subjects}) != 1:
            return
        if not all(_returns_or_assigns(b.body) for b in branches):
            return
        kinds = {k for _, k in subjects}
        self.chains.append(DispatchChain(span_of(node), qualname, _subject_text(node), len(branches),
                                         "isinstance" if kinds == {"isinstance"} else "equality"))

    def _module_state(self) -> None:
        """Module-level mutable containers that functions mutate: hidden singletons."""
        containers = _module_containers(self.tree)
        if not containers:
            return
        for name, (_, function_name) in sorted(_first_mutations(self.tree, containers).items()):
            self.global_state.append(GlobalState(span_of(containers[name]), name,
                                                 f"a module-level container mutated in `{function_name}`"))


def _module_containers(tree: ast.Module) -> dict[str, ast.stmt]:
    """Module-level names bound to a mutable container (not CONSTANTS, not dunders)."""
    containers: dict[str, ast.stmt] = {}
    for stmt in tree.body:
        if not isinstance(stmt, (ast.Assign, ast.AnnAssign)) or stmt.value is None or not _is_mutable(stmt.value):
            continue
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        for target in targets:
            if isinstance(target, ast.Name) and not target.id.isupper() and not target.id.startswith("__"):
                containers[target.id] = stmt
    return containers


def _is_mutable(value: ast.expr) -> bool:
    return isinstance(value, (ast.List, ast.Dict, ast.Set)) or (
        isinstance(value, ast.Call) and (dotted_name(value.func) or "").rsplit(".", 1)[-1] in _MUTABLE_FACTORIES)


def _first_mutations(tree: ast.Module, containers: dict[str, ast.stmt]) -> dict[str, tuple[int, str]]:
    """Each container mutated inside a function -> its first mutation (line, function)."""
    mutated: dict[str, tuple[int, str]] = {}
    # One walk, remembering the enclosing function (module-level mutation is set-up, not state).
    stack: list[tuple[ast.AST, str | None]] = [(node, None) for node in tree.body]
    while stack:
        node, function = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node.name
        elif function is not None:
            name = _mutated_name(node)
            if name in containers:
                mutated[name] = min(mutated.get(name, (node.lineno, function)), (node.lineno, function))
        stack.extend((child, function) for child in child_nodes(node))
    return mutated


def _mutated_name(node: ast.AST) -> str | None:
    """`name.append(...)`, `name[key] = ...`, `del name[key]`: the container mutated, if any."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr in _MUTATORS and isinstance(node.func.value, ast.Name):
        return node.func.value.id
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                return target.value.id
    return None


WHOLE_OBJECT = "*"  # a method that hands `self` itself around (vars(self), asdict(self), f(self))


def _method_links(method: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    attributes, calls = set(), set()
    self_names = self_attributes = 0
    stack: list[ast.AST] = [method]
    while stack:
        node = stack.pop()
        stack.extend(child_nodes(node))
        if isinstance(node, ast.Name) and node.id == "self":
            self_names += 1
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            attributes.add(node.attr)
            self_attributes += 1
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "self":
            calls.add(node.func.attr)
    if self_names > self_attributes:
        attributes.add(WHOLE_OBJECT)
    return method.name, tuple(sorted(attributes - calls)), tuple(sorted(calls))


def lcom4(links: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]) -> list[list[str]]:
    """Groups of methods connected by shared `self` attributes or calls (LCOM4's components)."""
    links = _stateful_links(links)
    names = [name for name, _, _ in links]
    parent = {name: name for name in names}
    owners: dict[str, str] = {}  # attribute -> the first method that uses it
    for name, attributes, calls in links:
        for attribute in attributes:
            if attribute in parent:  # reading a property is calling it
                _union(parent, name, attribute)
            elif attribute in owners:
                _union(parent, name, owners[attribute])
            else:
                owners[attribute] = name
        for called in calls:
            if called in parent:
                _union(parent, name, called)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(_find(parent, name), []).append(name)
    return sorted(groups.values())


def _stateful_links(links: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
                    ) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """The methods that count for cohesion, without calls to the ones left out."""
    # Methods that touch no state and call nothing (constant metadata, schemas) belong to no
    # group: counting each as its own component would call every plug-in class incohesive.
    # Methods that hand `self` itself around (serialisers, reprs) are left out like dunders:
    # they would connect everything; calls to them link nothing.
    reflective = {name for name, attributes, _ in links if WHOLE_OBJECT in attributes}
    links = tuple((name, attributes, tuple(c for c in calls if c not in reflective))
                  for name, attributes, calls in links if name not in reflective)
    return tuple(link for link in links if link[1] or link[2])


def _find(parent: dict[str, str], name: str) -> str:
    while parent[name] != name:
        parent[name] = parent[parent[name]]
        name = parent[name]
    return name


def _union(parent: dict[str, str], name: str, other: str) -> None:
    root = _find(parent, other)  # in this order: as `parent[find(name)] = find(other)` evaluates
    parent[_find(parent, name)] = root


def _subject_text(node: ast.If) -> str:
    test = node.test
    subject = test.args[0] if isinstance(test, ast.Call) else test.left  # type: ignore[union-attr]
    return dotted_name(subject) or type(subject).__name__.lower()


def extract_complexity_facts(tree: ast.Module, source: str) -> ComplexityFacts:
    return _Extractor(tree, source).run()
