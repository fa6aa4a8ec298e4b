"""How far plexilint's complexity metrics agree with independent implementations, and who is
right where they differ (a benchmark script, not a unit test).

    pip install --target /tmp/refs complexipy cognitive_complexity    # not project dependencies
    python bench/complexity_agreement.py --references /tmp/refs [--write docs/metric-agreement.md]

Cognitive complexity: every module-level function and method of the standard-library corpus
(bench/corpus.py), plexilint's figure against complexipy's (nested functions are part of the
function holding them in both). Where the figures differ, both sides' increments are put on the
innermost statement of the line they come from, and each statement that differs is classified
by the constructs it holds and where it sits (CLASSES below: each is a rule of SonarSource's
definition that complexipy departs from, checked by hand on the cases in
tests/test_cognitive_complexity.py). A function is explained when every statement that differs
falls in such a class; the rest are listed for a human. cognitive_complexity (the older
package) is compared on totals only.

LCOM4: the number of groups plexilint finds for a hand-checked list of standard-library classes
(HAND_CHECKED), each with the reason for its expected figure.
"""

from __future__ import annotations

import argparse
import ast
import sys
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import source_files, stdlib_root
from plexilint.analysis.cohesion import lcom4
from plexilint.analysis.complexity import extract_complexity_facts
from plexilint.analysis.metrics_walk import _DEFINES, _Scope, _Walker

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
LOOPS_AND_TRIES = (ast.For, ast.AsyncFor, ast.While, ast.Try, *([ast.TryStar] if hasattr(ast, "TryStar") else []))

# Where complexipy departs from the definition, in the order a differing statement is tested.
CLASSES = {
    "nested function": "complexipy does not add the nesting level of a nested function or of a method of a class "
                       "defined in a function to what it holds (it does for a function nested two deep); the "
                       "definition nests every nested function and lambda",
    "else of a loop or try": "complexipy adds nothing for the `else:` of a `for`, `while` or `try`; the definition "
                             "counts it like the `else` of an `if` (+1)",
    "inside such an else": "complexipy does not nest the body of a loop's or a try's `else:`; the definition does, "
                           "as for an `if`'s",
    "comprehension": "complexipy counts each `for` (+1 + nesting) and `if` (+1) of a comprehension; the definition "
                     "ignores shorthand that reads as one expression (SonarSource's Python analyzer does too)",
    "boolean operators": "complexipy merges a sequence inside a call argument or a lambda into the enclosing one "
                         "and counts `a or b and c or d` as two; the definition counts each sequence of like "
                         "operators in reading order (three there) and a call argument holds its own",
    "recursion": "complexipy misses `self.m()` in method `m` and counts a call to a module-level function of the "
                 "same name from a method; the definition counts direct recursion, once per function",
    "ternary in a condition": "complexipy does not nest a ternary in the condition of another; the definition "
                              "nests everything a ternary holds",
    "ternary inside an expression": "complexipy skips a ternary that is an operand of an operator "
                                    "(`a + (1 if x else 0)`, `'%s' % (1 if x else 2)`), a keyword argument "
                                    "(`f(k=1 if x else 2)`), a called expression (`(f if x else g)()`) or part of "
                                    "an f-string; the definition counts every ternary",
    "starred argument": "complexipy skips everything inside `*(...)` or `*[...]` (ternaries, boolean operators, "
                        "comprehensions); the definition counts them where they are",
}
_OPERAND_PARENTS = (ast.BinOp, ast.UnaryOp, ast.keyword, ast.JoinedStr, ast.FormattedValue)
# The sign of (plexilint - complexipy) each class can give: +1 where complexipy counts less,
# -1 where it counts more, 0 for either (a difference of the other sign is not explained).
DIRECTION = {"nested function": 0, "else of a loop or try": 1, "inside such an else": 1, "comprehension": -1,
             "boolean operators": 0, "recursion": 0, "ternary in a condition": 1, "ternary inside an expression": 1,
             "starred argument": 1}


@dataclass
class Measured:
    """A function's figure and where its increments come from (line -> points)."""

    name: str
    total: int
    per_line: dict[int, int] = field(default_factory=dict)


class _RecordingWalker(_Walker):
    """plexilint's walk, unchanged, noting the line of each increment."""

    def __init__(self) -> None:
        super().__init__(frozenset())
        self.increments: list[tuple[int, int]] = []

    def _special(self, node, kind, flags, level, counted, scope, stack):
        owner = scope.owner
        before = owner.cognitive if owner is not None else 0
        result = super()._special(node, kind, flags, level, counted, scope, stack)
        # A definition adds its nested function's total at its end: those points were noted
        # on their own lines already.
        if owner is not None and not flags & _DEFINES and owner.cognitive != before:
            self.increments.append((node.lineno, owner.cognitive - before))
        return result


def plexilint_figures(tree: ast.Module) -> dict[int, Measured]:
    """Module-level functions and methods (not nested ones) by the line of their `def`."""
    walker = _RecordingWalker()
    walker.walk(_Scope(None, "", None, None, ()), tree.body, None)
    tops = [f for f in walker.result.functions if not f.enclosing]
    figures = {f.node.lineno: Measured(f.qualname, f.cognitive) for f in tops}
    spans = sorted((_first_line(f.node), f.node.end_lineno, f.node.lineno) for f in tops)
    for line, points in walker.increments:
        for first, last, key in spans:
            if first <= line <= last:
                per_line = figures[key].per_line
                per_line[line] = per_line.get(line, 0) + points
    return figures


def _first_line(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    return node.decorator_list[0].lineno if node.decorator_list else node.lineno


def complexipy_figures(path: Path, complexipy) -> dict[int, Measured]:
    result = complexipy.file_complexity(str(path), with_plans=False, no_ignore=True)
    figures = {}
    for function in result.functions:
        per_line: dict[int, int] = {}
        for entry in function.line_complexities:  # a one-line `for x in y: z` has two entries
            per_line[entry.line] = per_line.get(entry.line, 0) + entry.complexity
        figures[function.line_start] = Measured(function.name, function.complexity, per_line)
    return figures


def _statement_of_line(function: ast.AST, source_lines: list[str]) -> dict[int, ast.stmt]:
    """Each line of ``function`` -> the statement its increments belong to: the outermost one
    starting on it (`if x: return` is the `if`'s line), else the innermost spanning it. An
    `else:` line, even with a statement after the colon, belongs to its `if`, loop or `try`."""
    spanning: dict[int, ast.stmt] = {}
    starting: dict[int, ast.stmt] = {}
    before_else: dict[int, ast.stmt] = {}
    for node in _preorder(function):
        if isinstance(node, ast.stmt):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                spanning[line] = node
                if line > node.lineno:
                    before_else[line] = node  # the innermost statement that began earlier
            starting.setdefault(node.lineno, node)
    found = {}
    for line, statement in spanning.items():
        text = source_lines[line - 1].lstrip() if line <= len(source_lines) else ""
        if text.startswith("else") and text[4:5] in (":", " ") and line in before_else:
            found[line] = before_else[line]
        else:
            found[line] = starting.get(line, statement)
    return found


def _preorder(root: ast.AST):
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _own_expressions(statement: ast.stmt) -> list[ast.AST]:
    """What a statement holds outside the statements nested in it (its header)."""
    return [child for name, value in ast.iter_fields(statement)
            for child in (value if isinstance(value, list) else [value])
            if isinstance(child, ast.AST) and not isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case))]


def _nodes_in(parts: list[ast.AST]):
    for part in parts:
        yield from _preorder(part)


class Classifier:
    """Why one function's figures differ, statement by statement."""

    def __init__(self, function: ast.FunctionDef | ast.AsyncFunctionDef, source_lines: list[str]) -> None:
        self.function = function
        self.statements = _statement_of_line(function, source_lines)
        self.parents: dict[int, ast.AST] = {}
        for node in _preorder(function):
            for child in ast.iter_child_nodes(node):
                self.parents[id(child)] = node

    def differing_statements(self, ours: dict[int, int], theirs: dict[int, int]) -> dict[int, tuple[ast.stmt, int]]:
        by_statement: dict[int, list] = {}
        for sign, per_line in ((1, ours), (-1, theirs)):
            for line, points in per_line.items():
                statement = self.statements.get(line, self.function)
                entry = by_statement.setdefault(id(statement), [statement, 0])
                entry[1] += sign * points
        return {key: (statement, difference) for key, (statement, difference) in by_statement.items() if difference}

    def classes(self, statement: ast.AST) -> list[str]:
        found = []
        ancestors = list(self._ancestors(statement))
        if any(isinstance(a, (*FUNCTIONS, ast.Lambda, ast.ClassDef)) for a in ancestors[:-1]) or (
                statement is not self.function and isinstance(statement, (*FUNCTIONS, ast.ClassDef))):
            found.append("nested function")
        if isinstance(statement, LOOPS_AND_TRIES) and statement.orelse:
            found.append("else of a loop or try")
        if self._in_an_else(statement, ancestors):
            found.append("inside such an else")
        own = list(_nodes_in(_own_expressions(statement))) if isinstance(statement, ast.stmt) else []
        if any(isinstance(n, ast.comprehension) for n in own):
            found.append("comprehension")
        if any(isinstance(n, ast.BoolOp) for n in own):
            found.append("boolean operators")
        if any(isinstance(n, ast.Call) and self._names_itself(n.func) for n in own):
            found.append("recursion")
        if any(isinstance(n, ast.IfExp) and any(isinstance(m, ast.IfExp) for m in _preorder(n.test)) for n in own):
            found.append("ternary in a condition")
        if any(isinstance(n, ast.IfExp) and self._is_operand(n, statement) for n in own):
            found.append("ternary inside an expression")
        if any(isinstance(n, ast.Starred) and any(isinstance(m, (ast.IfExp, ast.BoolOp, ast.comprehension))
                                                  for m in _preorder(n.value)) for n in own):
            found.append("starred argument")
        return found

    def _is_operand(self, node: ast.AST, statement: ast.AST) -> bool:
        for ancestor in self._ancestors(node):
            if ancestor is statement:
                return False
            if isinstance(ancestor, _OPERAND_PARENTS) or (isinstance(ancestor, ast.Call) and ancestor.func is node):
                return True
            node = ancestor
        return False

    def _ancestors(self, node: ast.AST):
        while id(node) in self.parents:
            node = self.parents[id(node)]
            yield node

    def _in_an_else(self, statement: ast.AST, ancestors: list[ast.AST]) -> bool:
        child = statement
        for ancestor in ancestors:
            if isinstance(ancestor, LOOPS_AND_TRIES) and any(child is s for s in ancestor.orelse):
                return True
            child = ancestor
        return False

    def _names_itself(self, func: ast.expr) -> bool:
        name = self.function.name
        return (isinstance(func, ast.Name) and func.id == name) or (isinstance(func, ast.Attribute) and func.attr == name)


@dataclass
class CognitiveAgreement:
    compared: int = 0
    identical: int = 0
    explained: Counter = field(default_factory=Counter)  # class -> functions
    explained_functions: int = 0
    unexplained: list[str] = field(default_factory=list)
    examples: dict[str, str] = field(default_factory=dict)  # class -> one function
    unmatched: int = 0  # functions complexipy reports that plexilint has not on that line
    ours: int = 0  # module-level functions and methods plexilint measures
    older_identical: int = 0  # cognitive_complexity, totals only
    older_compared: int = 0

    @property
    def matching(self) -> int:
        return self.identical + self.explained_functions


def compare_cognitive(root: Path, files: list[str], complexipy, older) -> CognitiveAgreement:
    agreement = CognitiveAgreement()
    for relative in files:
        path = root / relative
        try:
            source = path.read_bytes()
            tree = ast.parse(source)
            theirs = complexipy_figures(path, complexipy)
        except (SyntaxError, ValueError, RecursionError):
            continue
        ours = plexilint_figures(tree)
        agreement.ours += len(ours)
        nodes = {n.lineno: n for n in _preorder(tree) if isinstance(n, FUNCTIONS)}
        first_lines = {_first_line(n): n.lineno for n in nodes.values()}
        for line, reference in theirs.items():
            key = line if line in ours else first_lines.get(line)
            if key not in ours:
                agreement.unmatched += 1
                continue
            mine = ours[key]
            agreement.compared += 1
            if older is not None:
                agreement.older_compared += 1
                agreement.older_identical += older(nodes[key]) == mine.total
            if mine.total == reference.total:
                agreement.identical += 1
                continue
            lines = source.decode("utf-8", "replace").splitlines()
            _classify(agreement, f"{relative}:{key} {mine.name}", Classifier(nodes[key], lines), mine, reference)
    return agreement


def _classify(agreement: CognitiveAgreement, where: str, classifier: Classifier, mine: Measured,
              reference: Measured) -> None:
    differing = classifier.differing_statements(mine.per_line, reference.per_line)
    reasons: set[str] = set()
    for statement, difference in differing.values():
        classes = [c for c in classifier.classes(statement) if DIRECTION[c] * difference >= 0]
        if not classes:
            agreement.unexplained.append(f"{where}: plexilint {mine.total}, complexipy {reference.total} "
                                         f"(line {statement.lineno}: {difference:+d})")
            return
        reasons.add(classes[0])
    if not differing:  # the same points on the same statements: only the totals' bookkeeping differs
        agreement.unexplained.append(f"{where}: plexilint {mine.total}, complexipy {reference.total}")
        return
    agreement.explained_functions += 1
    for reason in reasons:
        agreement.explained[reason] += 1
        agreement.examples.setdefault(reason, f"{where} (plexilint {mine.total}, complexipy {reference.total})")


# LCOM4: (file, class) -> (groups expected, why). Checked by reading each class.
HAND_CHECKED: dict[tuple[str, str], tuple[int, str]] = {
    ("pickle.py", "_Unpickler"): (1, "every load_* method reads through the stored callables self.read / "
                                     "self.readline and pushes on self.stack or self.append"),
    ("http/server.py", "BaseHTTPRequestHandler"): (1, "handle_one_request dispatches with getattr(self, 'do_' + "
                                                      "command) and calls parse_request and send_error, which "
                                                      "share the response and logging methods"),
    ("http/server.py", "SimpleHTTPRequestHandler"): (1, "do_GET and do_HEAD both call send_head, which uses "
                                                        "translate_path, list_directory and guess_type"),
    ("http/server.py", "CGIHTTPRequestHandler"): (1, "do_POST and send_head call is_cgi then run_cgi, which uses "
                                                     "the helpers"),
    ("queue.py", "Queue"): (1, "every method takes self.mutex or a condition built on it"),
    ("tabnanny.py", "NannyNag"): (0, "three getters of one attribute each: a value object, no group counts"),
    ("xml/sax/xmlreader.py", "InputSource"): (0, "getters and setters only"),
    ("_pyio.py", "BufferedRandom"): (1, "the reading overrides share the inherited self.flush(); tell and "
                                        "truncate use self._write_buf, which that flush() empties: a link in the "
                                        "base class, which a reading of this class alone cannot see (plexilint: 2, "
                                        "within the default limit of 2, so not reported)"),
    ("cProfile.py", "Profile"): (1, "run and runctx, runcall and create_stats all go through the inherited "
                                    "enable/disable"),
    ("logging/config.py", "BaseConfigurator"): (1, "convert reaches cfg_convert and ext_convert by name through "
                                                   "the value_converters table: a link no static reading sees "
                                                   "(plexilint: 3, a known false report)"),
}


def compare_lcom4(root: Path) -> list[tuple[str, int, int, str]]:
    rows = []
    for (relative, name), (expected, why) in HAND_CHECKED.items():
        source = (root / relative).read_text(encoding="utf-8")
        facts = extract_complexity_facts(ast.parse(source), source)
        found = next((len(lcom4(c.method_links, c.accessors)) for c in facts.classes if c.qualname == name), -1)
        rows.append((f"{relative}::{name}", expected, found, why))
    return rows


def render(agreement: CognitiveAgreement, lcom_rows: list[tuple[str, int, int, str]], versions: str) -> str:
    share = 100 * agreement.matching / max(agreement.compared, 1)
    same = 100 * agreement.identical / max(agreement.compared, 1)
    lines = [
        "## Cognitive complexity (PLX409) against complexipy",
        "",
        f"{versions}. Every module-level function and method of the standard-library corpus that both "
        "report (nested functions are part of the function holding them in both).",
        "",
        "| | functions | share |",
        "|---|---:|---:|",
        f"| compared | {agreement.compared:,} | 100% |",
        f"| same figure | {agreement.identical:,} | {same:.2f}% |",
        f"| different, every difference on a rule complexipy departs from | {agreement.explained_functions:,} | "
        f"{100 * agreement.explained_functions / max(agreement.compared, 1):.2f}% |",
        f"| different, not explained | {len(agreement.unexplained):,} | "
        f"{100 * len(agreement.unexplained) / max(agreement.compared, 1):.2f}% |",
        f"| **plexilint matches the definition** | **{agreement.matching:,}** | **{share:.2f}%** |",
        "",
        f"plexilint measures {agreement.ours:,} module-level functions and methods in the corpus; "
        + (f"{agreement.unmatched:,} functions complexipy reports had no plexilint counterpart starting on "
           "the same line and are not compared." if agreement.unmatched
           else "every function complexipy reports was matched with one of them."),
        "",
        "Where they differ, and who is right (a function can fall in several classes):",
        "",
        "| class | functions | who is right | example |",
        "|---|---:|---|---|",
    ]
    for name, text in CLASSES.items():
        if agreement.explained[name]:
            lines.append(f"| {name} | {agreement.explained[name]:,} | plexilint: {text} | "
                         f"`{agreement.examples[name]}` |")
    if agreement.unexplained:
        lines += ["", "Not explained (read each by hand):", ""]
        lines += [f"- `{entry}`" for entry in agreement.unexplained[:40]]
        if len(agreement.unexplained) > 40:
            lines.append(f"- ... and {len(agreement.unexplained) - 40} more")
    if agreement.older_compared:
        lines += ["", f"cognitive_complexity (the older package) gives the same total for "
                      f"{agreement.older_identical:,} of the same {agreement.older_compared:,} functions "
                      f"({100 * agreement.older_identical / agreement.older_compared:.1f}%)."]
    lines += ["", "## LCOM4 (PLX405) against a hand-checked list", "",
              "| class | groups expected | plexilint | why |", "|---|---:|---:|---|"]
    lines += [f"| `{name}` | {expected} | {found} | {why} |" for name, expected, found, why in lcom_rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--references", type=Path, help="a `pip install --target` directory holding complexipy "
                                                        "(and cognitive_complexity)")
    parser.add_argument("--write", type=Path, help="write the tables into this Markdown file (its section "
                                                   "between the GENERATED markers)")
    args = parser.parse_args(argv)
    if args.references:
        sys.path.insert(0, str(args.references))
    try:
        import complexipy
    except ImportError:
        parser.error("complexipy is not importable: pip install --target DIR complexipy, then --references DIR")
    try:
        from cognitive_complexity.api import get_cognitive_complexity as older
    except ImportError:
        older = None
    warnings.simplefilter("ignore")  # the corpus has invalid escape sequences; not our subject
    root = stdlib_root()
    agreement = compare_cognitive(root, source_files(root), complexipy, older)
    lcom_rows = compare_lcom4(root)
    versions = f"complexipy {_version('complexipy')}, cognitive_complexity {_version('cognitive_complexity')}, " \
               f"Python {sys.version.split()[0]}"
    text = render(agreement, lcom_rows, versions)
    print(text)
    if args.write:
        _write_section(args.write, text)
    return 0


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


_BEGIN, _END = "<!-- GENERATED by bench/complexity_agreement.py: begin -->", "<!-- GENERATED: end -->"


def _write_section(path: Path, text: str) -> None:
    """Replace the generated part of ``path``, keeping the hand-written text around it."""
    current = path.read_text(encoding="utf-8") if path.exists() else f"{_BEGIN}\n{_END}\n"
    before, rest = current.split(_BEGIN, 1)
    _, after = rest.split(_END, 1)
    path.write_text(f"{before}{_BEGIN}\n\n{text}\n{_END}{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
