"""Rule documentation, generated from the rules themselves (``docs/`` and ``explain``)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from plexilint.config.options import OPTIONS
from plexilint.families import FAMILIES, family_named, family_prefix, in_family
from plexilint.rules.base import CATEGORIES, Rule


def rule_markdown(rule: type[Rule]) -> str:
    header = (
        f"# {rule.code} `{rule.symbol}`\n\n"
        f"{rule.summary}.\n\n"
        f"- Family: {family_named(family_prefix(rule.code)).title} (`{family_prefix(rule.code)}`)\n"
        f"- pylint message: `{rule.pylint_msgid()}` / `{rule.symbol}` ({CATEGORIES[rule.category]})\n"
        f"- Added in: {rule.added_in}\n\n"
    )
    return header + rule.documentation().strip() + "\n"


def render_rule_list(rules: Sequence[type[Rule]], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([
            {"code": r.code, "symbol": r.symbol, "pylint_msgid": r.pylint_msgid(), "summary": r.summary,
             "options": list(r.options)} for r in rules
        ], indent=2) + "\n"
    width = max(len(r.symbol) for r in rules)
    return "".join(f"{r.code}  {r.symbol:<{width}}  {r.summary}\n" for r in rules)


def rules_index_markdown(rules: Sequence[type[Rule]]) -> str:
    lines = ["# Rules", "", "Generated from the rule classes by `python -m plexilint.reporting.generate_docs`.", ""]
    for family in FAMILIES:
        members = [r for r in rules if in_family(r.code, family.prefix)]
        if not members:
            continue
        lines += [f"## {family.title} (`{family.prefix}`)", "", "| Code | Symbol | pylint id | Summary |", "|---|---|---|---|"]
        lines += [f"| [{r.code}]({r.code}.md) | `{r.symbol}` | `{r.pylint_msgid()}` | {r.summary} |" for r in members]
        lines.append("")
    return "\n".join(lines)


def configuration_markdown(rules: Sequence[type[Rule]]) -> str:
    lines = [
        "# Configuration reference",
        "",
        "plexilint reads the `[tool.plexilint]` table of the `pyproject.toml` in the project root: the",
        "nearest directory, walking up from an analysed file, that holds a `pyproject.toml` (or the",
        "file given with `--config`). Without one, the parent of the file's top-level package is the",
        "root and the defaults below apply (a script outside any package, directly in the home",
        "directory or a filesystem root, shares a project with its neighbours only, never with the",
        "sub-directories). A sub-directory with its own `pyproject.toml` is a separate project.",
        "Every front-end (CLI, flake8, pylint, the language server) reads this same table.",
        "",
        "An unknown key or an invalid value makes every front-end stop with a message naming the key,",
        "the value and what was expected (the CLI exits with status 2).",
        "",
        "`plexilint check --show-settings` prints the effective value of every key below (defaults",
        "filled in) and the database model built from them: the fallback manager found or configured,",
        "how it was found, what messages tell you to call and where to import it from (add",
        "`--format json` for a machine-readable copy).",
        "",
        "Generated from `plexilint/config/options.py` by `python -m plexilint.reporting.generate_docs`.",
        "",
    ]
    for name, option in OPTIONS.items():
        users = [r.code for r in rules if name in r.options]
        lines += [
            f"## `{name}`",
            "",
            option.doc,
            "",
            f"Default: `{json.dumps(option.default)}`" + (f". Read by: {', '.join(users)}." if users else "."),
            "",
            "```toml",
            option.example if "[" in option.example.split("\n")[0][:1] else f"[tool.plexilint]\n{option.example}",
            "```",
            "",
        ]
    return "\n".join(lines)
