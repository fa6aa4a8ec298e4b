"""Which codes are reported: select/ignore (most specific prefix wins), per-file ignores."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from plexilint.config import Config


def normalise_code(text: str) -> str:
    """What a user may type for a rule where codes are expected (as `plexilint explain`
    accepts it): a code or prefix in any case (`plx1`), a symbol (`duplicated-fallback-stub`)
    or a pylint message id; returned as the code or upper-case prefix."""
    from plexilint.rules import rule_for  # imported late: the rules import this module

    rule = rule_for(text)
    return rule.code if rule is not None else text.strip().upper()


def _longest_match(code: str, prefixes: list[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


@dataclass(frozen=True)
class Selection:
    select: list[str]
    ignore: list[str]
    per_file_ignores: dict[str, list[str]]

    @classmethod
    def from_config(cls, config: Config) -> Selection:
        return cls(config["select"], config["ignore"], config["per-file-ignores"])

    def enables(self, code: str) -> bool:
        return _longest_match(code, self.select) > _longest_match(code, self.ignore)

    def reports(self, code: str, relpath: str) -> bool:
        if not self.enables(code):
            return False
        for glob, codes in self.per_file_ignores.items():
            if any(code.startswith(c) for c in codes) and (
                fnmatch.fnmatch(relpath, glob) or fnmatch.fnmatch(relpath.rsplit("/", 1)[-1], glob)
            ):
                return False
        return True
