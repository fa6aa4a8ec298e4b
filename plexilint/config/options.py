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

from plexilint.config.contracts import validate_contracts

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


def _moved_names(value: Any) -> dict[str, str]:
    """`"old.module:Name" = "new.module:Name"`."""
    if not isinstance(value, dict):
        raise InvalidValue('expected a table of "old.module:Name" = "new.module:Name"')
    for old, new in value.items():
        for text in (old, new):
            module, _, name = str(text).partition(":") if isinstance(text, str) else ("", "", "")
            if not (DOTTED_NAME.match(module) and name.isidentifier()):
                raise InvalidValue(f'{text!r} is not "dotted.module:Name"')
    return dict(value)


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


def _optional_file_path(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or value.endswith(("/", "\\")):
        raise InvalidValue("expected the path of a file, like '.plexilint-baseline.json'")
    return value


def _optional_dotted_name(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not DOTTED_NAME.match(value):
        raise InvalidValue("expected a dotted module name like 'myapp.core.utils.fallbacks'")
    return value


def _dotted_globs(value: Any) -> list[str]:
    patterns = _list_of_strings(value)
    bad = [p for p in patterns if not re.fullmatch(r"[A-Za-z0-9_.*?\[\]!-]+", p)]
    if bad:
        raise InvalidValue(f"expected dotted names or globs like 'myapp.*.services', got {', '.join(map(repr, bad))}")
    return patterns


def _dotted_name(value: Any) -> str:
    if not isinstance(value, str) or not DOTTED_NAME.match(value):
        raise InvalidValue("expected a dotted name like 'myapp.errors.AllDatabasesUnavailableError'")
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidValue("expected true or false")
    return value


def _number_between(low: float, high: float) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise InvalidValue(f"expected a number from {low:g} to {high:g}")
        return float(value)

    return check


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
            "They add to the built-in exclusions: version control, virtual environments (a "
            "`pyvenv.cfg` beside an interpreter), cache and `node_modules` directories, `build`, "
            "`dist` and `site-packages` outside a package, and what git ignores (see "
            "`respect-gitignore`). Folders excluded here are left out silently; the others are "
            "listed as not searched.",
            'exclude = ["migrations", "tests/fixtures/*"]',
        ),
        Option(
            "respect-gitignore",
            True,
            _boolean,
            "Whether files and folders that git ignores (`.gitignore`, `.git/info/exclude`, the "
            "global excludes file) are left out, as git itself leaves them out of commits. It has "
            "no effect outside a git work tree. Folders left out for this or any other reason "
            "except `exclude` are listed after the summary line of `plexilint check` and under "
            '`"skipped"` in its JSON output.',
            "respect-gitignore = false",
        ),
        Option(
            "per-file-ignores",
            {},
            _per_file_ignores,
            "A table mapping glob patterns to rule codes or prefixes ignored in matching files.",
            '[tool.plexilint.per-file-ignores]\n"tests/*" = ["PLX1"]',
        ),
        Option(
            "baseline",
            None,
            _optional_file_path,
            "Path (relative to the project root) of the baseline file that `plexilint check` "
            "compares its findings with: findings the baseline lists are accepted and not "
            "reported; new ones, and complexity findings that got worse, still fail. `plexilint "
            "baseline create` and `update` write this file. When unset, `check` uses a baseline "
            "only with `--baseline FILE`, and the baseline commands write "
            "`.plexilint-baseline.json`. The flake8 and pylint plugins and the language server "
            "read it too (the command-line `--baseline FILE` is `check`'s alone). See "
            "docs/baseline.md.",
            'baseline = ".plexilint-baseline.json"',
        ),
        Option(
            "moved",
            {},
            _moved_names,
            "Names that moved, as a table of `\"old.module:Name\" = \"new.module:Name\"`: an import "
            "through the old path is reported (PLX501) and `plexilint fix` rewrites it. Names "
            "`plexilint fix --apply` moved itself are known from `.plexilint/history.json` "
            "without being listed here.",
            '[tool.plexilint.moved]\n"myapp.events:EventManager" = "myapp.utils.fallbacks:EventManager"',
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
            "fallbacks-in-tests",
            False,
            _boolean,
            "Whether the duplicated-fallback rules (PLX1) look at test code: folders named "
            "`tests`, `test` or ending in `_test`/`_tests`, `conftest.py`, `test_*.py` and "
            "`*_test.py`. Off by default: test doubles and mocks repeat stub shapes on purpose.",
            "fallbacks-in-tests = true",
        ),
        Option(
            "cache",
            True,
            _boolean,
            "Whether to keep facts and findings in `.plexilint_cache/` at the project root, so "
            "that a re-run only analyses the files that changed (and an unchanged project costs "
            "little more than reading its files). `plexilint check --no-cache` turns it off for "
            "one run. See docs/performance.md.",
            "cache = false",
        ),
        Option(
            "min-duplicates",
            2,
            _int_at_least(2),
            "How many definitions must share a stub shape (or a version lookup) before they are "
            "reported as duplicates.",
            "min-duplicates = 3",
        ),
        Option(
            "database.fallback-manager",
            [],
            _dotted_globs,
            "Dotted names (or globs over them) of the fallback manager class and the functions "
            "that return it. Calls through them are the sanctioned way to reach a database; the "
            "first accessor function listed is what messages tell you to call, with the import "
            "that brings it in.\n\n"
            "Empty (the default): plexilint looks for the manager in the project. A class is the "
            "manager when it keeps database clients (several attributes, or a dict or list of "
            "them, whose names, values or the class's own name say database: `sql_client`, "
            "`self.clients[\"vector\"]`, a `psycopg` connection, `DatabaseFallbackManager`, or "
            "a class raising the `outage-error`) and has a loop that tries the next client when "
            "one fails; a class named `*FallbackManager` that keeps database clients counts "
            "too. The functions returning it are its accessors. A fallback manager of anything "
            "else (language-model providers, HTTP mirrors) is never taken for it. "
            "`--statistics` and `--show-settings` name what was found.\n\n"
            "A project without a manager has nothing to send its database calls through: "
            "PLX201, PLX202, PLX203, PLX205 and PLX206 report nothing, and the summary (and the "
            "JSON report's `summary.notes`) carries one note instead: `note: the database rules "
            "PLX201-PLX203, PLX205 and PLX206 are off: no database fallback manager was found ...`, with the "
            "setting to declare one. flake8 and pylint write it once per run to stderr as "
            "`plexilint: note: ...` (their stdout stays findings only); the language server shows "
            "it once per project in an editor session as an information message. PLX204 "
            "(made-up data on a database failure) needs no manager and stays on.",
            '[tool.plexilint.database]\nfallback-manager = ["myapp.db.factories.DatabaseFallbackManager", '
            '"myapp.db.factories.get_fallback_manager"]',
        ),
        Option(
            "database.raw-access",
            [],
            _dotted_globs,
            "Extra dotted names (or globs) that give raw database access, beyond the built-in "
            "drivers and ORMs and what plexilint infers from the project itself (factories whose "
            "return annotation or returned value is a database object, classes that keep one).",
            '[tool.plexilint.database]\nraw-access = ["myapp.legacy.get_connection"]',
        ),
        Option(
            "database.guarded",
            [
                "*.services", "*.services.*", "*.service", "*.service.*", "*_service",
                "*.repositories", "*.repositories.*", "*.repository", "*.repository.*", "*_repository",
                "*.api", "*.api.*", "*.routes", "*.routes.*", "*.routers", "*.routers.*",
                "*.endpoints", "*.endpoints.*", "*.views", "*.views.*",
            ],
            _dotted_globs,
            "Globs over dotted module names where raw database access is forbidden (a leading "
            "`*.` also matches at the top level, so `*.services.*` covers `services.users`). The "
            "default covers a typical service / repository / API layout.",
            '[tool.plexilint.database]\nguarded = ["myapp.services.*", "myapp.api.*"]',
        ),
        Option(
            "database.allowed",
            [
                "*.database", "*.database.*", "*.db", "*.db.*", "*.adapters", "*.adapters.*",
                "*.migrations", "*.migrations.*", "*.alembic", "*.alembic.*",
                "*.tests", "*.tests.*", "*.test_*", "*_test", "*.conftest",
            ],
            _dotted_globs,
            "Globs over dotted module names where raw database access is fine even inside a "
            "guarded package: the manager's own package, adapters, migrations, tests. `allowed` "
            "wins over `guarded`.",
            '[tool.plexilint.database]\nallowed = ["myapp.db.*", "myapp.scripts.*"]',
        ),
        Option(
            "database.api",
            ["*.api", "*.api.*", "*.routes", "*.routes.*", "*.routers", "*.routers.*",
             "*.endpoints", "*.endpoints.*", "*.views", "*.views.*"],
            _dotted_globs,
            "Globs over dotted module names of the HTTP layer, where a total database outage must "
            "become a 503 response (PLX205).",
            '[tool.plexilint.database]\napi = ["myapp.web.*"]',
        ),
        Option(
            "database.outage-error",
            "AllDatabasesUnavailableError",
            _dotted_name,
            "The exception the manager raises when every database is down. Matched by its last "
            "component, so `AllDatabasesUnavailableError` and "
            "`myapp.db.errors.AllDatabasesUnavailableError` are the same setting.",
            '[tool.plexilint.database]\noutage-error = "myapp.db.errors.NoDatabaseAvailable"',
        ),
        Option("complexity.max-cyclomatic", 8, _int_at_least(1),
               "Highest cyclomatic complexity (radon's count) a function may have (a common gate "
               "is \"radon complexity < 8\"): a function above it is reported (PLX401).",
               "[tool.plexilint.complexity]\nmax-cyclomatic = 10"),
        Option("complexity.max-cognitive", 15, _int_at_least(1),
               "Highest cognitive complexity (SonarSource's definition) a function may have (PLX409).",
               "[tool.plexilint.complexity]\nmax-cognitive = 20"),
        Option("complexity.min-maintainability", 20.0, _number_between(0, 100),
               "Lowest maintainability index (radon's formula, 0-100, multi-line strings counted as "
               "comments like `radon mi`) a module may have; below 20 is radon's rank B or C (PLX402).",
               "[tool.plexilint.complexity]\nmin-maintainability = 10"),
        Option("complexity.max-module-lines", 500, _int_at_least(1),
               "Most lines of code (neither blank nor comment-only) a module may have (PLX403).",
               "[tool.plexilint.complexity]\nmax-module-lines = 800"),
        Option("complexity.max-class-methods", 12, _int_at_least(1),
               "Most methods a class may define (PLX404).",
               "[tool.plexilint.complexity]\nmax-class-methods = 15"),
        Option("complexity.max-class-lines", 300, _int_at_least(1),
               "Most lines a class may span (PLX404).",
               "[tool.plexilint.complexity]\nmax-class-lines = 400"),
        Option("complexity.max-function-lines", 60, _int_at_least(1),
               "Most lines of code a function may have: decorators and body, without blank lines, "
               "comment-only lines and the docstring (PLX406).",
               "[tool.plexilint.complexity]\nmax-function-lines = 80"),
        Option("complexity.max-lcom4", 2, _int_at_least(1),
               "How many disconnected groups of methods (LCOM4) a class may have; more is reported as "
               "incohesive (PLX405).",
               "[tool.plexilint.complexity]\nmax-lcom4 = 3"),
        Option("complexity.min-dispatch-branches", 4, _int_at_least(2),
               "How many `if`/`elif` branches testing one subject make a dispatch chain (PLX407).",
               "[tool.plexilint.complexity]\nmin-dispatch-branches = 6"),
        Option(
            "contracts",
            [],
            lambda value: validate_contracts(value)[0],
            "Module contracts, as `[[tool.plexilint.contracts]]` tables: `name`, `base` (dotted name "
            "or glob of the base class), `methods` (a table per method: `async`, `params`, `returns`, "
            "`required`, `lifecycle`), `capabilities-enum` and `capabilities`, `permissions-method`, "
            "`permission-flags` and `capability-for` (by usage: network, file_system, database, "
            "subprocess, external_api), `metadata-method` and `metadata-keys`, "
            "`config-schema-method`, `require-super-init`, `document-methods`. `preset = "
            "\"plexichat-module\"` starts from the PlexiChat module contract; any key given overrides it. See "
            "docs/contracts.md.",
            '[[tool.plexilint.contracts]]\npreset = "plexichat-module"\nbase = "myapp.modules.base.BaseModule"',
        ),
    )
}

SUBTABLES = sorted({name.split(".", 1)[0] for name in OPTIONS if "." in name and name != "contracts"})


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
    """Returns (values with defaults, problems); every problem names its key. Sub-tables such
    as ``[tool.plexilint.database]`` are flattened to ``database.<key>``."""
    values = {name: option.default for name, option in OPTIONS.items()}
    problems: list[str] = []
    entries: list[tuple[str, Any]] = []
    for key, value in table.items():
        if key == "contracts":  # an array of tables, validated as a whole (every error at once)
            values["contracts"], contract_problems = validate_contracts(value)
            problems += contract_problems
        elif key in SUBTABLES:
            if not isinstance(value, dict):
                problems.append(f"invalid value for '{key}': {value!r}: expected a table [tool.plexilint.{key}]")
                continue
            entries.extend((f"{key}.{sub}", sub_value) for sub, sub_value in value.items())
        else:
            entries.append((key, value))
    for key, value in entries:
        option = OPTIONS.get(key)
        if option is None:
            table_name, _, _ = key.rpartition(".")
            siblings = [n for n in OPTIONS if n.rpartition(".")[0] == table_name]
            known = ", ".join(sorted(n.rpartition(".")[2] for n in siblings))
            where = f"[tool.plexilint.{table_name}]" if table_name else "[tool.plexilint]"
            problems.append(f"unknown key '{key}' in {where} (known keys: {known})")
            continue
        try:
            values[key] = option.validate(value)
        except InvalidValue as error:
            problems.append(f"invalid value for '{key}': {value!r}: {error}")
    return values, problems
