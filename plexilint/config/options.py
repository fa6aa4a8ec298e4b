"""Every configuration key: its default, what it expects, and its documentation.

This table is the single source of truth for validation, for ``docs/configuration.md`` and
for the ``## Options`` sections of the rule docs (a meta-test checks they agree).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

CODE_PATTERN = re.compile(r"^PLX[0-9]{0,3}$")
DOTTED_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


class InvalidValue(ValueError):
    """Raised by a validator; its text says what was expected."""


def _list_of_strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidValue("expected a list of strings")
    return list(value)


def _codes(value: Any) -> list[str]:
    codes = _list_of_strings(value)
    bad = [code for code in codes if not CODE_PATTERN.match(code)]
    if bad:
        raise InvalidValue(
            f"expected rule codes or prefixes like 'PLX101' or 'PLX1', got {', '.join(map(repr, bad))}"
        )
    return codes


def _globs(value: Any) -> list[str]:
    globs = _list_of_strings(value)
    for glob in globs:
        if not glob.strip():
            raise InvalidValue("expected non-empty glob patterns")
        if glob.count("[") != glob.count("]"):
            raise InvalidValue(f"expected glob patterns, got unbalanced brackets in {glob!r}")
    return globs


def _per_file_ignores(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise InvalidValue("expected a table of glob = [codes]")
    result: dict[str, list[str]] = {}
    for glob, codes in value.items():
        _globs([glob])
        try:
            result[glob] = _codes(codes)
        except InvalidValue as error:
            raise InvalidValue(f"for {glob!r}: {error}") from None
    return result


def _optional_dotted_name(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not DOTTED_NAME.match(value):
        raise InvalidValue("expected a dotted module name like 'myapp.core.utils.fallbacks'")
    return value


def _int_at_least(minimum: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise InvalidValue(f"expected an integer >= {minimum}")
        return value

    return check


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    validate: Callable[[Any], Any]
    doc: str
    example: str


OPTIONS: dict[str, Option] = {
    option.name: option
    for option in (
        Option(
            "select",
            ["PLX"],
            _codes,
            "Rule codes or prefixes to enable. The most specific match between `select` and "
            "`ignore` wins, so `select = [\"PLX\"]` with `ignore = [\"PLX1\"]` enables everything "
            "but the PLX1 family.",
            'select = ["PLX1", "PLX001"]',
        ),
        Option(
            "ignore",
            [],
            _codes,
            "Rule codes or prefixes to disable.",
            'ignore = ["PLX104"]',
        ),
        Option(
            "exclude",
            [],
            _globs,
            "Glob patterns (relative to the project root, `fnmatch` style, matched against the "
            "path and each of its parent directories) of files and directories not to analyse. "
            "They add to the built-in exclusions: version control, virtual environments, build, "
            "cache and `node_modules` directories.",
            'exclude = ["migrations", "tests/fixtures/*"]',
        ),
        Option(
            "per-file-ignores",
            {},
            _per_file_ignores,
            "A table mapping glob patterns to rule codes or prefixes ignored in matching files.",
            '[tool.plexilint.per-file-ignores]\n"tests/*" = ["PLX1"]',
        ),
        Option(
            "fallbacks-module",
            None,
            _optional_dotted_name,
            "Dotted name of the central fallbacks module, the one place fallback stubs should "
            "live. It may not exist yet. When unset, plexilint proposes one (the `utils` "
            "package shared by the duplicates, else their common package) and, for PLX102, "
            "treats any module named `fallbacks` as central.",
            'fallbacks-module = "myapp.core.utils.fallbacks"',
        ),
        Option(
            "min-duplicates",
            2,
            _int_at_least(2),
            "How many definitions must share a stub shape (or a version lookup) before they are "
            "reported as duplicates.",
            "min-duplicates = 3",
        ),
    )
}


@dataclass(frozen=True)
class Config:
    """Validated option values (defaults filled in) and where they came from."""

    values: dict[str, Any] = field(default_factory=lambda: {k: o.default for k, o in OPTIONS.items()})
    source: str | None = None

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def digest(self) -> str:
        """Identifies the effective configuration (used as a memo and cache key)."""
        blob = json.dumps(self.values, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    def replace(self, **overrides: Any) -> Config:
        values = dict(self.values)
        values.update({name.replace("_", "-"): value for name, value in overrides.items()})
        return Config(values, self.source)


def validate_table(table: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Returns (values with defaults, problems); every problem names its key."""
    values = {name: option.default for name, option in OPTIONS.items()}
    problems: list[str] = []
    for key, value in table.items():
        option = OPTIONS.get(key)
        if option is None:
            known = ", ".join(sorted(OPTIONS))
            problems.append(f"unknown key '{key}' in [tool.plexilint] (known keys: {known})")
            continue
        try:
            values[key] = option.validate(value)
        except InvalidValue as error:
            problems.append(f"invalid value for '{key}': {value!r}: {error}")
    return values, problems
