"""Rewrites one module with LibCST: local stubs become an import from the central module,
placeholders and version lookups call the central helpers. Everything else keeps its comments
and layout byte for byte.

Each block's removed definitions become one `from <central> import ...` at the place of the
first of them, so a stub inside `except ImportError:` stays conditional, and a module-level stub
stays defined at the same point. A `try` that imports only from the central module and whose
`except` held nothing but the removed copies becomes a plain import.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from plexilint.consolidation.plan import VERSION_GETTER, FilePlan

_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}


def rewrite_module(source: str, plan: FilePlan, central: str) -> str:
    wrapper = MetadataWrapper(cst.parse_module(source))
    helpers = {p.helper for p in plan.placeholders} | {gap_helper(gap.name) for gap in plan.undefined}
    helpers |= {VERSION_GETTER} if plan.versions else set()
    module = wrapper.module.visit(_ModuleRewriter(plan, central, wrapper.resolve(PositionProvider), sorted(helpers)))
    return _prune_unused_imports(source, module.code)


_MARK = "__plexilint_moved__"  # stands for a removed definition until its block is rebuilt


class _ModuleRewriter(cst.CSTTransformer):
    def __init__(self, plan: FilePlan, central: str, positions, helpers: list[str]) -> None:
        self.central = central
        self.positions = positions
        self.helpers = helpers
        self.moved = {(stub.name, stub.span.line) for stub in plan.moved}
        self.placeholders = {p.fact.span.line: p for p in plan.placeholders}
        self.versions = {lookup.span.line for lookup in plan.versions}
        self.gaps = list(plan.undefined)
        self.retargeted = {(imported.span.line, imported.name): (module, name)
                           for imported, module, name in plan.retargeted}
        self.first_changed_line: int | None = None
        self.indents: list[str] = []
        self.hoisted: list[str] = []  # module-level stubs: imported at the top instead

    def visit_Module(self, node: cst.Module) -> bool:
        self.indents = [""]
        self.default_indent = node.default_indent
        return True

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> bool:
        self.indents.append(self.indents[-1] + (node.indent if node.indent is not None else self.default_indent))
        return True

    def _note_change(self, line: int) -> None:
        self.first_changed_line = line if self.first_changed_line is None else min(self.first_changed_line, line)

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef):
        return self._mark_if_moved(original, updated)

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef):
        return self._mark_if_moved(original, updated)

    def _mark_if_moved(self, original, updated):
        position = self.positions[original]
        lines = range(position.start.line, position.end.line + 1)
        if not any(name == original.name.value and line in lines for name, line in self.moved):
            return updated
        self._note_change(position.start.line)
        marker = cst.Expr(cst.Name(_MARK + original.name.value))
        return cst.SimpleStatementLine(body=[marker], leading_lines=updated.leading_lines)

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
        indent = self.indents.pop()
        return updated.with_changes(body=self._import_instead_of_markers(updated.body, indent))

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        # Module-level definitions are imported with the helpers at the top (an import in the
        # middle of a module is E402 for flake8); they bind the same names, only earlier.
        self.hoisted = [_marked_name(s) for s in updated.body if _marked_name(s)]
        body = [s for s in updated.body if not _marked_name(s)]
        if self.helpers or self.hoisted:
            body = self._with_helper_import(original, body)
        return updated.with_changes(body=body)

    def _import_instead_of_markers(self, statements: Sequence[cst.CSTNode], indent: str) -> list[cst.CSTNode]:
        names = [_marked_name(s) for s in statements if _marked_name(s)]
        if not names:
            return list(statements)
        body: list[cst.CSTNode] = []
        for statement in statements:
            if not _marked_name(statement):
                body.append(statement)
            elif names:  # the first removed definition: the import takes its place
                line = import_line(self.central, names, indent)
                body.append(cst.parse_statement(line).with_changes(leading_lines=statement.leading_lines))
                names = []
        return body

    def _with_helper_import(self, original: cst.Module, body: list[cst.CSTNode]) -> list[cst.CSTNode]:
        """`from <central> import get_fallback_instance, ...` before the first statement that
        changed: an existing module-level import from the central module there is extended,
        else the import goes after the docstring and the imports that open the module."""
        first = self.first_changed_line or 10**9
        leading = 0  # statements before the first change are the same in original and body
        for index, statement in enumerate(original.body):
            if self.positions[statement].end.line >= first or not _is_import_or_docstring(statement, index):
                break
            leading = index + 1
        wanted = set(self.helpers) | set(self.hoisted)
        for index, statement in enumerate(body[:leading]):
            if self._imports_central(statement) and len(statement.body) == 1 \
                    and not isinstance(statement.body[0].names, cst.ImportStar):
                present = {a.name.value for a in statement.body[0].names}
                line = import_line(self.central, present | wanted, "")
                body[index] = cst.parse_statement(line).with_changes(leading_lines=statement.leading_lines)
                return body
        return [*body[:leading], cst.parse_statement(import_line(self.central, wanted, "")), *body[leading:]]

    def leave_Try(self, original: cst.Try, updated: cst.Try):
        updated = self._bind_gaps(original, updated)
        return self._flatten_central_try(updated)

    def _bind_gaps(self, original: cst.Try, updated: cst.Try) -> cst.Try:
        """Names the `try` imports and the `except` leaves unbound get a fallback there."""
        position = self.positions[original.body]
        gaps = [g for g in self.gaps if position.start.line <= g.span.line <= position.end.line]
        if not gaps:
            return updated
        self._note_change(self.positions[original].start.line)
        handlers = []
        for handler in updated.handlers:
            if not _catches_import_error(handler, broad=True):
                handlers.append(handler)
                continue
            kept = [s for s in handler.body.body if not (isinstance(s, cst.SimpleStatementLine)
                                                         and all(isinstance(x, cst.Pass) for x in s.body))]
            bindings = [cst.parse_statement(f'{g.name} = {gap_helper(g.name)}("{g.name}")\n')
                        for g in sorted(gaps, key=lambda g: g.name)]
            handlers.append(handler.with_changes(body=handler.body.with_changes(body=[*kept, *bindings])))
        return updated.with_changes(handlers=handlers)

    def _flatten_central_try(self, updated: cst.Try):
        """`try: from <central> import X` / `except ImportError: <the copies>` -> the import."""
        if not updated.body.body or not all(self._imports_central(s) for s in updated.body.body):
            return updated
        if not updated.handlers or not all(_catches_import_error(h) for h in updated.handlers):
            return updated
        if updated.orelse is not None or updated.finalbody is not None:
            return updated
        if not all(self._only_central_imports(h.body.body) for h in updated.handlers):
            return updated
        statements = list(updated.body.body)
        statements[0] = statements[0].with_changes(leading_lines=updated.leading_lines)
        return cst.FlattenSentinel(statements)

    def _imports_central(self, statement: cst.CSTNode) -> bool:
        return isinstance(statement, cst.SimpleStatementLine) and all(
            isinstance(s, cst.ImportFrom) and _dotted(s.module) == self.central and not s.relative
            for s in statement.body)

    def _only_central_imports(self, statements: Sequence[cst.CSTNode]) -> bool:
        """A handler left with the central import (and `pass`) after the rewrite."""
        return all(self._imports_central(s) or (isinstance(s, cst.SimpleStatementLine)
                                               and all(isinstance(x, cst.Pass) for x in s.body))
                   for s in statements)

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine):
        """`from old import A, B` where B moved -> `from old import A` + `from new import B`."""
        if not self.retargeted or len(updated.body) != 1 or not isinstance(updated.body[0], cst.ImportFrom) \
                or isinstance(updated.body[0].names, cst.ImportStar):
            return updated
        line = self.positions[original].start.line
        node = updated.body[0]
        moving = [a for a in node.names if (line, a.name.value) in self.retargeted]
        if not moving:
            return updated
        self._note_change(line)
        staying = [a for a in node.names if a not in moving]
        statements = []
        if staying:
            staying[-1] = staying[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            statements.append(updated.with_changes(body=[node.with_changes(names=staying)]))
        targets: dict[str, list[str]] = {}
        for alias in moving:
            module, name = self.retargeted[(line, alias.name.value)]
            local = alias.asname.name.value if alias.asname else alias.name.value
            targets.setdefault(module, []).append(name if local == name else f"{name} as {local}")
        indent = self.indents[-1] if self.indents else ""
        statements += [cst.parse_statement(import_line(module, names, indent)) for module, names in targets.items()]
        statements[0] = statements[0].with_changes(leading_lines=updated.leading_lines)
        return cst.FlattenSentinel(statements)

    def leave_Assign(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        line = self.positions[original].start.line
        targets = [t.target for t in original.targets]
        if len(targets) != 1 or not isinstance(targets[0], cst.Name):
            return updated
        name = targets[0].value
        placeholder = self.placeholders.get(line)
        if placeholder is not None and placeholder.fact.name == name:
            self._note_change(line)
            call = cst.parse_expression(f'{placeholder.helper}("{placeholder.argument}")')
            return updated.with_changes(value=call)
        if line in self.versions and name == "__version__":
            self._note_change(line)
            return updated.with_changes(value=cst.parse_expression(f"{VERSION_GETTER}()"))
        return updated


def _marked_name(statement: cst.CSTNode) -> str:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
            and isinstance(statement.body[0], cst.Expr) and isinstance(statement.body[0].value, cst.Name) \
            and statement.body[0].value.value.startswith(_MARK):
        return statement.body[0].value.value[len(_MARK):]
    return ""


def _dotted(node: cst.CSTNode | None) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _catches_import_error(handler: cst.ExceptHandler, broad: bool = False) -> bool:
    """An `except ImportError` (or, when `broad`, anything that also catches it)."""
    kind = handler.type
    if kind is None:
        return broad
    names = [kind] if not isinstance(kind, cst.Tuple) else [e.value for e in kind.elements]
    caught = {_dotted(n).rsplit(".", 1)[-1] for n in names}
    accepted = _IMPORT_ERRORS | ({"Exception", "BaseException"} if broad else set())
    return bool(caught & accepted) if broad else caught <= _IMPORT_ERRORS


def gap_helper(name: str) -> str:
    """A class name gets a fallback class; anything else an inert callable object."""
    return "get_fallback_class" if name[:1].isupper() else "get_fallback_instance"


def import_line(module: str, names, indent: str, width: int = 88) -> str:
    """`from module import a, b`, wrapped one name per line when it would pass `width` at
    `indent` (LibCST adds the block's indentation to the wrapped lines itself)."""
    ordered = sorted(set(names))
    line = f"from {module} import {', '.join(ordered)}"
    if len(indent) + len(line) <= width:
        return line + "\n"
    return f"from {module} import (\n" + "".join(f"    {name},\n" for name in ordered) + ")\n"


def _is_import_or_docstring(statement: cst.CSTNode, index: int) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    first = statement.body[0]
    if isinstance(first, (cst.Import, cst.ImportFrom)):
        return True
    return index == 0 and isinstance(first, cst.Expr) and isinstance(first.value, cst.SimpleString)


def _prune_unused_imports(before: str, after: str) -> str:
    """Drops names of module-level `import` lines that the rewrite left unused (a name the
    removed stubs needed, like `Enum`); imports unused before the rewrite stay as they were."""
    used_before, used_after = _usage(before), _usage(after)
    dead = {name for name, count in used_before.items() if count and not used_after.get(name)}
    if not dead:
        return after
    module = cst.parse_module(after)
    body = []
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
                and isinstance(statement.body[0], (cst.Import, cst.ImportFrom)) \
                and not isinstance(statement.body[0].names, cst.ImportStar):
            node = statement.body[0]
            kept = [a for a in node.names if _bound_name(a) not in dead]
            if not kept:
                continue
            if len(kept) != len(node.names):
                kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                statement = statement.with_changes(body=[node.with_changes(names=kept)])
        body.append(statement)
    return module.with_changes(body=body).code


def _bound_name(alias: cst.ImportAlias) -> str:
    if alias.asname is not None:
        return alias.asname.name.value
    return _dotted(alias.name).split(".")[0]


def _usage(source: str) -> dict[str, int]:
    """How often each name imported at module level is read, `__all__` included."""
    tree = ast.parse(source)
    imported = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                imported.add(alias.asname or alias.name.split(".")[0])
    counts = dict.fromkeys(imported, 0)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in counts and isinstance(node.ctx, ast.Load):
            counts[node.id] += 1
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in counts:
            counts[node.value] += 1  # exported through __all__, or a string annotation
    return counts
