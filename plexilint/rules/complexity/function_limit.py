"""The shape the per-function limits share (PLX401, PLX406, PLX409): one number per function,
compared with one option, reported on the `def` with the block's noqa lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from plexilint.analysis.complexity import FunctionMetrics
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding, Measure
from plexilint.rules.base import FileRule


class FunctionLimitRule(FileRule):
    """Subclasses name their option first in `options` and say what they measure."""

    abstract = True
    measured: ClassVar[str]  # the number's name in a baseline's "got worse" message

    def measure(self, function: FunctionMetrics) -> int:
        raise NotImplementedError

    def message(self, function: FunctionMetrics, value: int, limit: int) -> str:
        raise NotImplementedError

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        limit = config[self.options[0]]
        for function in file.complexity.functions:
            value = self.measure(function)
            if value > limit:
                yield self.finding(file, function.span, self.message(function, value, limit),
                                   key=function.qualname, noqa_lines=function.noqa_lines,
                                   measures=[Measure(self.measured, value)])
