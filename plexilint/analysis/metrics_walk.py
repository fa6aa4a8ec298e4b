"""One walk of a module's tree for every number of the complexity family.

Each node is visited once, and at that visit it feeds everything that wants it: radon's
decision points and Halstead counts (`radon_metrics`'s rules), SonarSource's cognitive
complexity (the nesting level travels with the nodes on the stack; the rules followed are listed
in `plexilint.rules.complexity.cognitive_complexity_high`), the `self` attributes and
calls of the method it is in (cohesion), the mutation of a module-level container, and the
`global` statements and `if` chains of the function it is in. Separate walks for each cost
several times the parse on the standard library; this one costs about one.

Scopes nest: a function or class met during the walk is walked as its own scope (its radon
numbers are its own, as radon counts them), and the method-cohesion facts of an enclosing method
carry into it. Cognitive complexity is the exception: code inside a function belongs to that
function's figure, nested functions, lambdas and classes included (one nesting level deeper);
a nested function keeps its share in its own record but is reported through its outermost one.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from plexilint.analysis.cognitive_rules import boolean_sequences, calls_itself, receiver
from plexilint.analysis.cohesion import MethodLinks, class_body_names, self_alias, self_attribute, self_call
from plexilint.analysis.nodes import TRY_TYPES, TryNode, child_nodes, walk
from plexilint.analysis.radon_metrics import Halstead, RadonMetrics, decision_points, operators
from plexilint.analysis.scope_nodes import GROUP_OF, ScopeIndex, ScopeNodes

_MUTATORS = frozenset({"append", "extend", "insert", "update", "setdefault", "pop", "popitem", "clear", "add",
                       "remove", "discard", "appendleft", "extendleft"})
_NO_CONTEXT = object()  # Halstead does not look at function decorators and signatures
# What travels with the walk's nodes: the cognitive nesting (None where Sonar does not look)
# and whether radon counts their decision points. It changes only at a structure's parts (an
# `if`'s body nests deeper) and inside an `assert`, so the stack holds plain nodes, and a
# context entry above a part's nodes sets it for them (another, below them, restores it).
_Context: TypeAlias = tuple[int | None, bool]
_Stack: TypeAlias = list[ast.AST | _Context]
_Parts: TypeAlias = list[tuple[Sequence[ast.AST], int | None]]  # nodes and their nesting, in walk order
_LoopOrHandler: TypeAlias = ast.For | ast.AsyncFor | ast.While | ast.ExceptHandler


@dataclass
class WalkedFunction:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    qualname: str
    cyclomatic: int = 1
    cognitive: int = 0  # its own body's increments, its nested functions' included
    enclosing: str = ""  # the function it is defined in (whose figure includes this one's)
    method: bool = False  # defined in a class body: a plain `m()` there is not itself
    receiver: str = ""  # a method's first parameter (`self`, `cls`): `self.m()` in `m` recurses
    recursive: bool = False  # calls itself directly (counted once)


@dataclass
class WalkedClass:
    node: ast.ClassDef
    qualname: str
    methods: int
    links: list[MethodLinks]  # of its methods, in order
    stored: frozenset[str] = frozenset()  # attributes assigned on `self` (any method) or in its body


@dataclass
class ModuleWalk:
    functions: list[WalkedFunction] = field(default_factory=list)  # in source order
    classes: list[WalkedClass] = field(default_factory=list)
    total_complexity: int = 0  # radon's total for the module
    halstead: Halstead = field(default_factory=Halstead)
    global_statements: list[tuple[ast.Global, str]] = field(default_factory=list)  # with the function
    function_ifs: list[tuple[ast.If, str]] = field(default_factory=list)  # `if`s of function bodies
    mutations: dict[str, tuple[int, str]] = field(default_factory=dict)  # container -> first (line, function)


class _Block:
    """radon's sums over one body (module, class or function)."""

    __slots__ = ("points", "function_points", "functions", "class_points")

    def __init__(self) -> None:
        self.points = 0  # decision points outside nested definitions
        self.function_points = 0  # sum of (complexity - 1) of the functions defined in it
        self.functions = 0
        self.class_points = 0  # sum of (real complexity - 1) of the classes defined in it


class _Scope:
    __slots__ = ("block", "context", "prefix", "function", "record", "owner", "links", "methods", "mutations",
                 "nodes")

    def __init__(self, context: object, prefix: str, function: str | None, record: WalkedFunction | None,
                 links: tuple[MethodLinks, ...], methods: dict[int, MethodLinks] | None = None,
                 owner: WalkedFunction | None = None) -> None:
        self.block = _Block()
        self.context = context  # Halstead's operand context: the enclosing function's name (or _NO_CONTEXT)
        self.prefix = prefix  # qualified-name prefix of what is defined here
        self.function = function  # innermost enclosing function (mutations count there)
        self.record = record  # the function whose body this is, if it is one
        self.owner = owner or record  # the function whose cognitive figure this code adds to
        self.links = links  # cohesion facts of the enclosing methods
        self.methods = methods  # a class body (only): its methods' cohesion facts by node id
        self.mutations: list[tuple[str, int]] = []  # a function body: (module-level name, line), unsettled
        self.nodes: ScopeNodes | None = None  # where the walk files this body's nodes (see `walk_module`)

    def in_lambda(self) -> _Scope:
        """The same scope for a lambda's parts, whose nodes are no part of the body's own."""
        inner = object.__new__(_Scope)
        for name in _Scope.__slots__:
            setattr(inner, name, getattr(self, name))
        inner.nodes = None
        return inner


def walk_module(tree: ast.Module, containers: frozenset[str] = frozenset(),
                scopes: ScopeIndex | None = None) -> ModuleWalk:
    """``containers``: module-level mutable names whose mutation inside functions is wanted.
    ``scopes``: filled with the nodes of the module's top level and of each function body, as
    `ScopeNodes` would find them (this walk meets them in the same order)."""
    walker = _Walker(containers, scopes)
    scope = _Scope(None, "", None, None, ())
    scope.nodes = scopes.module if scopes is not None else None
    walker.walk(scope, tree.body, None)
    block = scope.block
    # radon: the module's own points + 1, plus the points inside its functions and classes.
    walker.result.total_complexity = 1 + block.points + block.function_points + block.class_points
    return walker.result


def radon_metrics(tree: ast.Module) -> RadonMetrics:
    """radon's numbers for a module: cyclomatic complexity per function keyed by (line of
    `def`, name), the module total and its Halstead volume."""
    walked = walk_module(tree)
    return RadonMetrics({(f.node.lineno, f.node.name): f.cyclomatic for f in walked.functions},
                        walked.total_complexity, walked.halstead.volume)


def cognitive_complexity(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    return walk_module(ast.Module(body=[function], type_ignores=[])).functions[0].cognitive


# What a node kind takes part in, beyond being walked through (most nodes: nothing).
_DEFINES, _POINTS, _OPERATORS, _MUTATES, _BODY_FACT, _STRUCTURE, _INCREMENT = (1 << n for n in range(7))
_FLAGS: dict[type, int] = {}
for _kinds, _flag in (
    ((ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef), _DEFINES),
    ((ast.If, ast.IfExp, ast.BoolOp, ast.For, ast.While, ast.AsyncFor, *TRY_TYPES, ast.comprehension,
      ast.Assert, ast.Match), _POINTS),
    ((ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.AugAssign, ast.Compare), _OPERATORS),
    ((ast.Call, ast.Assign, ast.Delete, ast.AugAssign), _MUTATES),
    ((ast.If, ast.Global), _BODY_FACT),
    ((ast.If, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler, ast.Match, ast.Lambda, ast.IfExp,
      *TRY_TYPES), _STRUCTURE),
    ((ast.BoolOp,), _INCREMENT),  # and calls (see `_Walker._call`)
):
    for _kind in _kinds:
        _FLAGS[_kind] = _FLAGS.get(_kind, 0) | _flag
_LEAF, _WALK_ONLY = 0, 1 << 7  # no children worth visiting; handled in the walk's loop itself
_FLAGS.update({ast.Name: _LEAF, ast.Constant: _LEAF, ast.Attribute: _WALK_ONLY,
               tuple: _WALK_ONLY})  # (a tuple is one of the walk's context entries, see `_Context`)
_ATTRIBUTE = ast.Attribute
# Frequent kinds with one child at most, which nothing else notes (parameters, the value of an
# expression statement, of a `return`, of a keyword argument...).
_ONE_CHILD = 1 << 8
_ONE_CHILD_FIELD: dict[type, str] = {ast.arg: "annotation", ast.Expr: "value", ast.Return: "value",
                                     ast.keyword: "value", ast.Starred: "value", ast.Await: "value"}
_FLAGS.update(dict.fromkeys(_ONE_CHILD_FIELD, _ONE_CHILD))


class _Walker:
    def __init__(self, containers: frozenset[str], scopes: ScopeIndex | None = None) -> None:
        self.containers = containers
        self.scopes = scopes
        self.result = ModuleWalk()
        self.elifs: set[int] = set()  # `if` nodes that are the `elif` of another
        self.inner_booleans: set[int] = set()  # `and`/`or` nodes counted with the sequence holding them
        self.callees: set[int] = set()  # `self.x` nodes that are called: cohesion counts them as calls

    def walk(self, scope: _Scope, body: Sequence[ast.AST], nesting: int | None, counted: bool = True) -> None:
        """Every node of ``body`` (see `_Context` for what travels with them). This loop is the
        family's hot path: one lookup per node; names and constants (half the nodes) stop there,
        and only the kinds flagged in `_FLAGS` (a fifth) reach `_special`."""
        links = scope.links
        level = nesting
        nodes = scope.nodes
        stack: list[Any] = [*reversed(body)]  # a `_Stack`, whose entries this loop tells apart
        pop, extend = stack.pop, stack.extend
        while stack:
            node = pop()
            kind = type(node)
            flags = _FLAGS.get(kind)
            if nodes is not None and kind in GROUP_OF:  # a body's node the database facts read
                nodes.add(node, GROUP_OF[kind])
            if flags is None:  # nothing to note: walked through
                extend(reversed(child_nodes(node)))
            elif not flags:  # a name or a constant: nothing below
                continue
            elif flags == _ONE_CHILD:  # `child_nodes` without its call
                child = getattr(node, _ONE_CHILD_FIELD[kind])
                if child is not None:
                    stack.append(child)
            elif kind is _ATTRIBUTE:  # `self.x` for cohesion; its value may hold anything
                if links and id(node) not in self.callees:
                    self_attribute(node, links)
                stack.append(node.value)
            elif kind is tuple:  # a context entry: a structure's part starts, or what follows it
                level, counted = node
            else:
                children_counted = self._special(node, kind, flags, level, counted, scope, stack)
                if children_counted is None:
                    continue
                if children_counted is not counted:  # an `assert`: radon counts nothing inside
                    _push_parts(stack, [(child_nodes(node), level)], level, counted, children_counted)
                else:
                    extend(reversed(child_nodes(node)))

    def _special(self, node: ast.AST, kind: type, flags: int, level: int | None, counted: bool,
                 scope: _Scope, stack: _Stack) -> bool | None:
        """Facts and Sonar's increment of a node in `_FLAGS`. Returns None when its children
        are dealt with (a definition walks itself; a structure pushes its parts; the most
        frequent kinds push their children), otherwise
        whether radon counts the decision points of its children."""
        # The most frequent kinds first, each with its own few facts, its children pushed as
        # `child_nodes` orders them (without the generic tests and the call).
        if isinstance(node, ast.Call):
            self._call(node, level, scope)
            stack.extend(reversed(node.keywords))
            stack.extend(reversed(node.args))
            stack.append(node.func)
            return None
        if isinstance(node, ast.Assign):  # cohesion's `alias = self`, and the mutation of a container
            if scope.links:
                self_alias(node, scope.links)
            if scope.function is not None and self.containers:
                self._mutation(node, scope, scope.function)
            stack.append(node.value)
            stack.extend(reversed(node.targets))
            return None
        if flags == _OPERATORS:  # an arithmetic, unary or comparison operation: only Halstead counts it
            if scope.context is not _NO_CONTEXT:
                operators(node, self.result.halstead, scope.context)
            _push_operands(node, stack)
            return None
        if flags & _DEFINES:
            self._definition(node, scope, level)
            return None
        if isinstance(node, ast.Lambda) and scope.nodes is not None:
            _walk_lambda_apart(self, node, level, counted, scope)
            return None
        counted = self._facts(node, kind, flags, scope, counted)
        if level is None:
            return counted
        owner = scope.owner
        assert owner is not None  # code at a cognitive nesting level is inside a function
        if flags & _STRUCTURE:
            owner.cognitive += self._structure(node, kind, level, counted, stack)
            return None
        if flags & _INCREMENT:
            owner.cognitive += _boolean_increment(node, self.inner_booleans)
        return counted

    def _facts(self, node: ast.AST, kind: type, flags: int, scope: _Scope, counted: bool) -> bool:
        """Everything but cognitive complexity that ``node`` adds; returns whether radon
        counts the decision points of its children."""
        if counted and flags & _POINTS:
            scope.block.points += decision_points(node)
            counted = kind is not ast.Assert  # radon counts an assert once, nothing inside
        if flags & _OPERATORS and scope.context is not _NO_CONTEXT:
            operators(node, self.result.halstead, scope.context)
        if flags & _MUTATES and scope.function is not None and self.containers:
            self._mutation(node, scope, scope.function)
        if flags & _BODY_FACT and scope.record is not None:
            if isinstance(node, ast.If):
                self.result.function_ifs.append((node, scope.record.qualname))
            elif isinstance(node, ast.Global):
                self.result.global_statements.append((node, scope.record.qualname))
        return counted

    def _definition(self, node: ast.AST, outer: _Scope, level: int | None) -> None:
        if isinstance(node, ast.ClassDef):
            self._class(node, outer, level)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._function(node, outer, level)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, outer: _Scope, level: int | None) -> None:
        """``level``: the cognitive nesting where a function nested in another is defined
        (None for a module-level function or a method of a module-level class)."""
        enclosing = outer.owner if level is not None else None
        record = WalkedFunction(node, f"{outer.prefix}{node.name}", enclosing=enclosing.qualname if enclosing else "",
                                method=outer.methods is not None,
                                receiver=receiver(node) if outer.methods is not None else "")
        self.result.functions.append(record)
        own = outer.methods.get(id(node)) if outer.methods else None
        links = (*outer.links, own) if own is not None else outer.links
        # A nested function's decorators and defaults run in the enclosing function's body.
        signature = [*node.decorator_list, node.args, *([node.returns] if node.returns else [])]
        self.walk(_Scope(_NO_CONTEXT, "", node.name, None, links, owner=enclosing), signature, level)
        scope = _Scope(node.name, f"{record.qualname}.", node.name, record, links)
        if self.scopes is not None:
            scope.nodes = self.scopes.function(node)
        self.walk(scope, node.body, 0 if level is None else level + 1)
        if enclosing is not None:
            enclosing.cognitive += record.cognitive
        if scope.mutations:
            local = _local_names(node)
            for name, line in scope.mutations:
                if name not in local:  # a parameter or local of the same name is not the global
                    self._record_mutation(name, line, node.name)
        record.cyclomatic = 1 + scope.block.points
        outer.block.function_points += record.cyclomatic - 1
        outer.block.functions += 1

    def _class(self, node: ast.ClassDef, outer: _Scope, level: int | None) -> None:
        qualname = f"{outer.prefix}{node.name}"
        # Halstead looks at decorators and bases, radon's cyclomatic complexity does not.
        header = _Scope(outer.context, "", outer.function, None, outer.links)
        self.walk(header, [*node.decorator_list, *node.bases, *node.keywords], None)
        methods = [s for s in node.body if type(s) is ast.FunctionDef or type(s) is ast.AsyncFunctionDef]
        cohesion = {id(m): MethodLinks(m.name) for m in methods}  # dunders too, for what they store
        record = WalkedClass(node, qualname, len(methods), list(cohesion.values()))
        self.result.classes.append(record)
        # A class inside a function adds nothing itself; its methods nest like nested functions.
        scope = _Scope(outer.context, f"{qualname}.", outer.function, None, outer.links, cohesion,
                       owner=outer.owner if level is not None else None)
        self.walk(scope, node.body, level)
        record.stored = frozenset(class_body_names(node)).union(*(links.stored for links in cohesion.values()))
        block = scope.block
        # radon's "real complexity": the class body's points plus its functions' complexity
        # (inner classes are counted apart).
        outer.block.class_points += block.points + block.function_points + block.functions

    def _call(self, node: ast.Call, level: int | None, scope: _Scope) -> None:
        """A call's facts: cohesion's `self.m()`, the mutation of a module-level container,
        and Sonar's increment for a function calling itself (once per function)."""
        if scope.links:
            self_call(node, scope.links, self.callees)
        if scope.function is not None and self.containers:
            self._mutation(node, scope, scope.function)
        function = scope.record
        if level is not None and function is not None and not function.recursive and calls_itself(
                node.func, function.node.name, function.receiver if function.method else None):
            function.recursive = True
            function.cognitive += 1  # (a function body's code adds to its own figure)

    def _mutation(self, node: ast.AST, scope: _Scope, function: str) -> None:
        """`name.append(...)`, `name[key] = ...`, `del name[key]`, `name.attr = ...`,
        `setattr(name, ...)`: a mutation of a module-level container, if ``name`` is one."""
        if isinstance(node, ast.Call):
            name = _called_to_mutate(node)
        elif isinstance(node, (ast.Assign, ast.Delete)):
            name = _stored_into(node.targets)
        elif isinstance(node, ast.AugAssign):
            name = _stored_into([node.target])
        else:
            return
        if name is not None and name in self.containers:
            if scope.record is not None:  # settled when the function's body is walked
                scope.mutations.append((name, node.lineno))
            else:
                self._record_mutation(name, node.lineno, function)

    def _record_mutation(self, name: str, line: int, function: str) -> None:
        first = self.result.mutations.get(name)
        here = (line, function)
        if first is None or here < first:
            self.result.mutations[name] = here

    def _structure(self, node: ast.AST, kind: type, level: int, counted: bool, stack: _Stack) -> int:
        """Sonar's increment for a structure that nests; pushes its parts with their nesting
        (None for the parts Sonar does not look at)."""
        if isinstance(node, ast.If):
            return self._if(node, level, counted, stack)
        if isinstance(node, ast.IfExp):  # a ternary nests what it holds, a ternary in a ternary included
            _push_parts(stack, [([node.test, node.body, node.orelse], level + 1)], level, counted)
            return 1 + level
        if isinstance(node, TRY_TYPES):
            return _try(node, level, counted, stack)
        if isinstance(node, ast.Match):
            return _match(node, level, counted, stack)
        if isinstance(node, ast.Lambda):
            _push_parts(stack, [([node.args], None), ([node.body], level + 1)], level, counted)
            return 0
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler)):
            return _loop_or_except(node, kind, level, counted, stack)
        raise AssertionError(f"{kind.__name__} is flagged as a structure but has no rule")

    def _if(self, node: ast.If, level: int, counted: bool, stack: _Stack) -> int:
        increment = 1 if id(node) in self.elifs else 1 + level
        orelse = node.orelse
        parts: _Parts = [([node.test], level), (node.body, level + 1)]
        # `elif` starts in the column of its `if`; an `if` alone in an `else:` block is indented.
        if len(orelse) == 1 and type(orelse[0]) is ast.If and orelse[0].col_offset == node.col_offset:
            self.elifs.add(id(orelse[0]))  # no nesting increment
            parts.append((orelse, level))
        elif orelse:
            increment += 1  # else
            parts.append((orelse, level + 1))
        _push_parts(stack, parts, level, counted)
        return increment



def _walk_lambda_apart(walker: _Walker, node: ast.Lambda, level: int | None, counted: bool, scope: _Scope) -> None:
    """A lambda walked as it would be in the body, with a scope that files none of its nodes
    (they are no part of the body's own: see `walk_module`)."""
    inner = scope.in_lambda()
    walker.walk(inner, [node.args], None, counted)
    walker.walk(inner, [node.body], None if level is None else level + 1, counted)


def _boolean_increment(node: ast.AST, inner_booleans: set[int]) -> int:
    """What a sequence of boolean operators adds to Sonar's count (calls: `_Walker._call`);
    its children keep the nesting level."""
    if not isinstance(node, ast.BoolOp) or id(node) in inner_booleans:
        return 0
    return boolean_sequences(node, inner_booleans)


def _push_operands(node: ast.AST, stack: _Stack) -> None:
    """The children of an operation, as `child_nodes` orders them, without its call."""
    if isinstance(node, ast.BinOp):
        stack.append(node.right)
        stack.append(node.left)
    elif isinstance(node, ast.Compare):
        stack.extend(reversed(node.comparators))
        stack.append(node.left)
    elif isinstance(node, ast.UnaryOp):
        stack.append(node.operand)
    else:
        stack.extend(reversed(child_nodes(node)))


def _try(node: TryNode, level: int, counted: bool, stack: _Stack) -> int:
    """Only `except` (as its own structure) and `else` count; `try` and `finally` do not
    nest. The `else` counts like an `if`'s and nests its body."""
    _push_parts(stack, [([*node.body, *node.handlers], level), (node.orelse, level + 1), (node.finalbody, level)],
                level, counted)
    return 1 if node.orelse else 0


def _match(node: ast.Match, level: int, counted: bool, stack: _Stack) -> int:
    """A `match` counts once; its cases nest their bodies (patterns and guards are not looked at)."""
    parts: _Parts = [([node.subject], None)]
    for case in node.cases:
        parts.append(([case.pattern] if case.guard is None else [case.pattern, case.guard], None))
        parts.append((case.body, level + 1))
    _push_parts(stack, parts, level, counted)
    return 1 + level


def _loop_or_except(node: _LoopOrHandler, kind: type, level: int, counted: bool, stack: _Stack) -> int:
    """A loop (its `else` counts like an `if`'s and nests its body) or an `except` clause."""
    orelse = getattr(node, "orelse", ())
    heads = {ast.While: ("test",), ast.ExceptHandler: ("type",)}.get(kind, ("target", "iter"))
    head_level = None if kind is ast.ExceptHandler else level
    _push_parts(stack, [([part for part in map(node.__getattribute__, heads) if part is not None], head_level),
                        ([*node.body, *orelse], level + 1)], level, counted)
    return 2 + level if orelse else 1 + level


def _push_parts(stack: _Stack, parts: _Parts, level: int | None, counted: bool,
                counted_in_parts: bool | None = None) -> None:
    """Pushes ``parts`` to be walked in their order, each with its nesting, then the context
    of what follows them (``level``, ``counted``). ``counted_in_parts``: whether radon counts
    the parts' decision points (by default as it counts the structure's)."""
    outer: _Context = (level, counted)
    current = outer
    inner = counted if counted_in_parts is None else counted_in_parts
    walked: list[ast.AST | _Context] = []
    for nodes, nesting in parts:
        if nodes and (nesting, inner) != current:  # a context entry only where it changes
            current = (nesting, inner)
            walked.append(current)
        walked.extend(nodes)
    if current != outer:
        walked.append(outer)
    stack.extend(reversed(walked))




def _local_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names a function binds itself (parameters, assignments, imports, `as` targets), minus
    those it declares `global` (walked only for functions that mutate a module-level name)."""
    args = function.args
    names = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg) if a}
    declared_global: set[str] = set()
    for node in walk(function):
        if isinstance(node, ast.Name):
            if type(node.ctx) is ast.Store:
                names.add(node.id)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler):
            if node.name:
                names.add(node.name)
        elif isinstance(node, ast.Global):
            declared_global.update(node.names)
    return names - declared_global


def _called_to_mutate(call: ast.Call) -> str | None:
    func = call.func
    if type(func) is ast.Attribute and func.attr in _MUTATORS and type(func.value) is ast.Name:
        return func.value.id
    if type(func) is ast.Name and func.id in ("setattr", "delattr") and call.args and type(call.args[0]) is ast.Name:
        return call.args[0].id
    return None


def _stored_into(targets: Sequence[ast.expr]) -> str | None:
    for target in targets:
        if (type(target) is ast.Subscript or type(target) is ast.Attribute) and type(target.value) is ast.Name:
            return target.value.id
    return None