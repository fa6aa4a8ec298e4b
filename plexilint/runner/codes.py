"""Rule codes as users write them, checked against the rules that exist: the configuration
checks the form of a code, the runner (which knows the rules) whether any rule has it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plexilint.config import Config, ConfigError, load_config
from plexilint.config.options import CODE_PATTERN
from plexilint.rules import REGISTRY, rule_for


def normalise_code(text: str) -> str:
    """What a user may type for a rule where codes are expected (as `plexilint explain`
    accepts it): a code or prefix in any case (`plx1`), a symbol (`duplicated-fallback-stub`)
    or a pylint message id; returned as the code or upper-case prefix."""
    rule = rule_for(text)
    return rule.code if rule is not None else text.strip().upper()


def unknown_codes(values: dict[str, Any]) -> list[str]:
    """Selected, ignored and per-file-ignored codes that match no rule: a typo must not
    silently select (or ignore) nothing."""
    problems = []
    for key in ("select", "ignore"):
        for code in values[key]:
            if CODE_PATTERN.match(code) and not any(known.startswith(code) for known in REGISTRY):
                problems.append(f"invalid value for '{key}': {code!r} matches no rule (see `plexilint rules`)")
    for glob, codes in values["per-file-ignores"].items():
        for code in codes:
            if not any(known.startswith(code) for known in REGISTRY):
                problems.append(f"invalid value for 'per-file-ignores' {glob!r}: {code!r} matches no rule")
    return problems


def validate_selection(config: Config) -> list[str]:
    """Selected/ignored codes that match no rule, once the command line may have changed
    `select` or `ignore`."""
    return unknown_codes(config.values)


def load_checked_config(root: Path, explicit: Path | None = None) -> Config:
    """`load_config`, and every code it selects or ignores names a rule; raises ConfigError
    (naming the key) otherwise."""
    config = load_config(root, explicit)
    problems = validate_selection(config)
    if problems:
        raise ConfigError(problems, config.source)
    return config
