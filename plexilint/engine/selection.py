"""Which codes are reported: select/ignore (most specific prefix wins), per-file ignores."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from plexilint.config import Config


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
