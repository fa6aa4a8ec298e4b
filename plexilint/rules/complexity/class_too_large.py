from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding, Measure
from plexilint.rules.base import FileRule


class ClassTooLarge(FileRule):
    """## What it does
    Reports a class with more than `max-class-methods` methods or spanning more than
    `max-class-lines` lines. Every `def` in the class body counts, properties included (a
    settings class with dozens of properties is a large class too).

    ## Why is this bad?
    A manager class with 12+ methods usually holds 6+ concerns (a focused class has 4 or
    5 methods): every change risks the other concerns and the class cannot be tested piece by
    piece.

    ## Example
    ```python
    class Manager:
        def a(self): ...
        def b(self): ...
        def c(self): ...
        def d(self): ...
        def e(self): ...
        def f(self): ...
        def g(self): ...
        def h(self): ...
        def i(self): ...
        def j(self): ...
        def k(self): ...
        def l(self): ...
        def m(self): ...
    ```

    Use instead:
    ```python
    class Manager:
        def __init__(self, store, locks, metrics):
            self.store, self.locks, self.metrics = store, locks, metrics

        def run(self, key, handler):
            with self.locks.hold(key):
                return self.store.remember(key, handler)
    ```

    ## Options
    - `complexity.max-class-methods`
    - `complexity.max-class-lines`

    ## Fix
    No automatic fix. Split the class by concern into smaller classes it delegates to (PLX405
    names the groups of methods that share no state), and turn helpers that use no state into
    module functions.

    To keep it, put `# noqa: PLX404` on the `class` line, on a decorator line, or on a comment
    line of its own right above the class: it covers that class only (pylint:
    `# pylint: disable=class-too-large`).
    """

    code = "PLX404"
    symbol = "class-too-large"
    category = "R"
    summary = "Class with too many methods or lines"
    reads = frozenset({"complexity"})
    options = ("complexity.max-class-methods", "complexity.max-class-lines")

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        most_methods = config["complexity.max-class-methods"]
        most_lines = config["complexity.max-class-lines"]
        for cls in file.complexity.classes:
            problems, measures = [], []
            if cls.methods > most_methods:
                problems.append(f"{cls.methods} methods (limit {most_methods})")
                measures.append(Measure("methods", cls.methods))
            if cls.lines > most_lines:
                problems.append(f"{cls.lines} lines (limit {most_lines})")
                measures.append(Measure("lines", cls.lines))
            if problems:
                yield self.finding(
                    file, cls.span,
                    f"`{cls.qualname}` has {' and '.join(problems)}: split it by concern into collaborating classes",
                    key=cls.qualname, noqa_lines=cls.noqa_lines, measures=measures,
                )
