"""Writes docs/rules/*.md and docs/configuration.md from the code (``--check``: only compare)."""

from __future__ import annotations

import sys
from pathlib import Path

from plexilint.reporting.rule_docs import configuration_markdown, rule_markdown, rules_index_markdown
from plexilint.rules import all_rules


def generated_files(docs: Path) -> dict[Path, str]:
    rules = all_rules()
    files = {docs / "rules" / f"{rule.code}.md": rule_markdown(rule) for rule in rules}
    files[docs / "rules" / "index.md"] = rules_index_markdown(rules)
    files[docs / "configuration.md"] = configuration_markdown(rules)
    return files


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    check = "--check" in args
    docs = Path(next((a for a in args if not a.startswith("--")), "docs"))
    stale = []
    for path, content in generated_files(docs).items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == content:
            continue
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    for path in stale:
        print(f"{'stale' if check else 'wrote'}: {path}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
