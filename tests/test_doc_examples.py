"""Every rule's documented example is executed: the code under `## Example` must trigger the
rule, the code under `Use instead:` must not (pylint's and Fixit's habit: docs are tests), and
`## Fix` must tell the truth about `plexilint fix`.

A block may hold several files, each introduced by a `# path/to/module.py` comment line. The
sections come in the order REQUIRED_SECTIONS gives: ... Example, Use instead, Options, Fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plexilint.config import load_config
from plexilint.consolidation.fixer import propose_fix
from plexilint.runner.project import analyse_project
from plexilint.consolidation.fix_facts import FIX_FACTS
from plexilint.rules import all_rules

FILE_HEADER = re.compile(r"^# ([\w/]+\.py)$")
CODE_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)  # an example's own settings
NO_AUTOMATIC_FIX = "No automatic fix"  # how a `## Fix` section says `plexilint fix` leaves it
CONFIG = (
    '[tool.plexilint]\nfallbacks-module = "myapp.utils.fallbacks"\n'
    '[[tool.plexilint.contracts]]\npreset = "plexichat-module"\n'
)


def _files(blocks: list[str]) -> dict[str, str]:
    files: dict[str, list[str]] = {}
    current = "myapp/example.py"
    for block in blocks:
        for line in block.splitlines():
            header = FILE_HEADER.match(line)
            if header:
                current = header.group(1)
                continue
            files.setdefault(current, []).append(line)
    return {path: "\n".join(lines) + "\n" for path, lines in files.items()}


def _section(doc: str, start: str, end: str | None) -> str:
    text = doc.split(start, 1)[1]
    return text.split(end, 1)[0] if end else text


def _write_project(root: Path, files: dict[str, str], extra_config: str = "") -> None:
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text(CONFIG + extra_config, encoding="utf-8")
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        for package in path.relative_to(root).parents:
            if package != Path("."):
                (root / package / "__init__.py").touch()


def _codes(root: Path) -> list[str]:
    analysis = analyse_project(root, load_config(root))
    return [f.code for findings in analysis.findings.values() for f in findings]


def _codes_reported(root: Path, files: dict[str, str], extra_config: str = "") -> set[str]:
    _write_project(root, files, extra_config)
    return set(_codes(root))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_documented_example_triggers_and_fix_does_not(rule, tmp_path):
    doc = rule.documentation()
    example, use_instead = _section(doc, "## Example", "Use instead:"), _section(doc, "Use instead:", "## Options")
    bad = _files(CODE_BLOCK.findall(example))
    good = _files(CODE_BLOCK.findall(use_instead))
    settings = "".join(TOML_BLOCK.findall(example))
    assert bad and good
    assert rule.code in _codes_reported(tmp_path / "bad", bad, settings)
    assert rule.code not in _codes_reported(tmp_path / "good", good, settings)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_documented_fix_says_whether_plexilint_fix_removes_the_finding(rule, tmp_path):
    """Applying `plexilint fix` to the rule's Example clears the rule's findings exactly when
    its `## Fix` section does not say "No automatic fix"."""
    doc = rule.documentation()
    example = _section(doc, "## Example", "Use instead:")
    root = tmp_path / "project"
    # The configured central module's package exists, as in a project that chose it.
    _write_project(root, {**_files(CODE_BLOCK.findall(example)), "myapp/utils/__init__.py": ""},
                   "".join(TOML_BLOCK.findall(example)))
    before = _codes(root)

    for path, (_, after) in propose_fix(analyse_project(root, load_config(root), extra_facts=FIX_FACTS)).changes.items():
        path.write_bytes(after)
    after = _codes(root)

    automatic = not _section(doc, "## Fix", None).strip().startswith(NO_AUTOMATIC_FIX)
    assert rule.code in before
    assert (rule.code not in after) is automatic
    assert set(after) <= set(before)  # the fix brings no finding of its own
