from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding
from plexilint.rules.base import FileRule


class FunctionTooLong(FileRule):
    """## What it does
    Reports a function or method spanning more than `max-function-lines` lines (decorators,
    docstring and blank lines included).

    ## Why is this bad?
    A 60-line method does several things; seed 003 found them mixing validation, storage,
    locking and metrics in one body. Each part is hard to test and to reuse on its own.

    ## Example
    With a limit lowered to keep the example short:
    ```toml
    [tool.plexilint.complexity]
    max-function-lines = 4
    ```

    ```python
    def handle(request):
        data = request.json
        if not data.get("id"):
            raise ValueError("id")
        record = store.load(data["id"])
        record.update(data)
        store.save(record)
        return record
    ```

    Use instead:
    ```python
    def handle(request):
        data = validated(request.json)
        return store.merge(data["id"], data)
    ```

    ## Options
    - `complexity.max-function-lines`
    """

    code = "PLX406"
    symbol = "function-too-long"
    category = "R"
    summary = "Function longer than the limit"
    options = ("complexity.max-function-lines",)

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        limit = config["complexity.max-function-lines"]
        for function in file.complexity.functions:
            if function.lines > limit:
                yield self.finding(
                    file, function.span,
                    f"`{function.qualname}` is {function.lines} lines long (limit {limit}): extract its steps "
                    "into functions named after what they do",
                    key=function.qualname, noqa_lines=function.noqa_lines,
                )
