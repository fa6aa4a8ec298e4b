"""Every rule's documented example is executed: the code under `## Example` must trigger the
rule, the code under `Use instead:` must not (pylint's and Fixit's habit: docs are tests).

A block may hold several files, each introduced by a `# path/to/module.py` comment line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plexilint.config import load_config
from plexilint.engine.project import analyse_project
from plexilint.rules import all_rules

FILE_HEADER = re.compile(r"^# ([\w/]+\.py)$")
CODE_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)  # an example's own settings
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


def _codes_reported(root: Path, files: dict[str, str], extra_config: str = "") -> set[str]:
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text(CONFIG + extra_config, encoding="utf-8")
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        for package in path.relative_to(root).parents:
            if package != Path("."):
                (root / package / "__init__.py").touch()
    analysis = analyse_project(root, load_config(root))
    return {f.code for findings in analysis.findings.values() for f in findings}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_documented_example_triggers_and_fix_does_not(rule, tmp_path):
    doc = rule.documentation()
    example, use_instead = doc.split("## Example", 1)[1].split("## Options", 1)[0].split("Use instead:", 1)
    bad = _files(CODE_BLOCK.findall(example))
    good = _files(CODE_BLOCK.findall(use_instead))
    settings = "".join(TOML_BLOCK.findall(example))
    assert bad and good
    assert rule.code in _codes_reported(tmp_path / "bad", bad, settings)
    assert rule.code not in _codes_reported(tmp_path / "good", good, settings)
