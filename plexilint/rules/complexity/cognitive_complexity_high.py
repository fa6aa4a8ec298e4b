from __future__ import annotations

from plexilint.analysis.complexity import FunctionMetrics
from plexilint.engine.facts import FileFacts
from plexilint.rules.complexity.function_limit import FunctionLimitRule


class CognitiveComplexityHigh(FunctionLimitRule):
    """## What it does
    Reports a function whose cognitive complexity is above `max-cognitive`. The figure follows
    SonarSource's definition (G. Ann Campbell, "Cognitive Complexity, a new way of measuring
    understandability"): one point for each break in the linear flow, plus the nesting level
    for a break inside another structure.

    | code | adds | nests what it holds |
    |---|---|---|
    | `if`, ternary `x if c else y` | 1 + nesting | yes |
    | `elif` | 1 | yes |
    | `else` of an `if`, a `for`/`while` or a `try` | 1 | yes |
    | `for`, `while` (`async` too) | 1 + nesting | yes |
    | `except` (and `except*`) | 1 + nesting | yes |
    | `match` (its `case`s add nothing) | 1 + nesting | yes |
    | each sequence of like boolean operators | 1 | no |
    | a function that calls itself (once per function) | 1 | no |
    | nested function, lambda, class in a function | 0 | yes (a class: no) |
    | `try`, `finally`, `with`, comprehensions, `break`, `continue` | 0 | no |

    Cases people ask about:
    - `else:` whose only statement is an `if` is an `else` (+1) holding a nested `if`
      (+1 + nesting), not an `elif`: the indentation is what the reader sees.
    - `a or b and c or d` is three sequences (`or`, `and`, `or`): the operators are read in
      order and each change starts a new sequence; `a and b and c` is one. A `not (...)` or a
      call argument holds its own sequence.
    - A ternary inside a ternary gets the nesting increment: `1 if a else (2 if b else 3)` is 3.
    - Recursion counts once per function that calls itself directly: `f()` inside `f`,
      `self.m()` (or `cls.m()`) inside method `m`; a method calling a module-level function
      of the same name is not recursion.
    - Nested functions and lambdas belong to the function that holds them, one nesting level
      deeper, decorators and default values included (they run in the enclosing body), so a
      decorator's wrapper counts in the decorator. A nested function is reported through its
      outermost function only, never twice; the message says how much of the figure is in
      nested functions.
    - An `if`/`elif` chain does not nest: each `elif` adds 1, and a block inside an `elif` is
      at the chain's nesting + 1, exactly as inside the `if`.
    - Comprehensions add nothing: the definition ignores shorthand that reads as one
      expression, and a comprehension is the readable form of a loop that appends. A
      ternary or a boolean sequence inside one counts as anywhere else.
    - A module-level function's decorators and default values run at import, not in its
      body: they do not count for it.

    How these figures compare with other implementations on the standard library, and why
    they differ: docs/metric-agreement.md in plexilint's repository.

    ## Why is this bad?
    Cyclomatic complexity counts paths; cognitive complexity measures how hard the code is to
    read. Deeply nested conditions cost far more attention than a flat sequence of checks with
    the same number of paths.

    ## Example
    ```python
    def sync(items, remote, dry_run):
        for item in items:
            if item.changed:
                if remote.available:
                    for attempt in range(3):
                        try:
                            if not dry_run:
                                remote.push(item)
                            break
                        except TimeoutError:
                            if attempt == 2:
                                raise
                            else:
                                continue
                else:
                    if item.required:
                        raise RuntimeError(item)
    ```

    Use instead:
    ```python
    def sync(items, remote, dry_run):
        for item in changed(items):
            push_with_retries(remote, item, dry_run)
    ```

    ## Options
    - `complexity.max-cognitive`

    ## Fix
    No automatic fix. Flatten the nesting: return or `continue` early, move nested blocks into
    helper functions, and give complex conditions a name.

    To keep it, put `# noqa: PLX409` on the `def` line, on a decorator line, or on a comment
    line of its own right above the function: it covers that function only (pylint:
    `# pylint: disable=cognitive-complexity-high`).
    """

    code = "PLX409"
    symbol = "cognitive-complexity-high"
    category = "R"
    summary = "Function with too high cognitive complexity"
    options = ("complexity.max-cognitive",)
    measured = "cognitive complexity"

    def reports(self, function: FunctionMetrics) -> bool:
        return not function.enclosing  # measured within the function that holds it

    def measure(self, function: FunctionMetrics) -> int:
        return function.cognitive

    def message_in(self, file: FileFacts, function: FunctionMetrics, value: int, limit: int) -> str:
        text = f"`{function.qualname}` has cognitive complexity {value} (limit {limit})"
        nested = sum(f.cognitive for f in file.complexity.functions if f.enclosing == function.qualname)
        if nested:
            text += f", {nested} of it in nested functions"
        return text + ": flatten nested conditions with early returns and extract the inner blocks"
