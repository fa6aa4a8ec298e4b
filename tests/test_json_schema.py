"""`plexilint check --format json` follows the JSON Schema shipped in the package."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest

from plexilint.reporting.json_format import SCHEMA_RESOURCE, check_json_schema
from stub_projects import DUPLICATED_STUBS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
VALIDATOR = jsonschema.Draft202012Validator


def _validate(document: dict) -> None:
    VALIDATOR(check_json_schema(), format_checker=VALIDATOR.FORMAT_CHECKER).validate(document)


def test_the_schema_is_a_valid_draft_2020_12_schema():
    VALIDATOR.check_schema(check_json_schema())


def test_reports_follow_the_schema(project, cli, tmp_path):
    root = project({**DUPLICATED_STUBS, "pkg/state.py": "_seen = []\n\n\ndef see(x):\n    _seen.append(x)\n",
                    "pkg/broken.py": "def (:\n"})
    report = json.loads(cli("check", root, "--format", "json")[1])
    assert {f["code"] for f in report["findings"]} >= {"PLX001", "PLX101", "PLX408"}
    _validate(report)
    empty = tmp_path / "empty"
    empty.mkdir()
    _validate(json.loads(cli("check", empty, "--format", "json")[1]))


def test_the_samples_reports_follow_the_schema(cli):
    report = json.loads(cli("check", REPO / "sample_projects", "--format", "json")[1])
    assert len(report["findings"]) > 100
    _validate(report)


@pytest.mark.parametrize("damage", [
    lambda r: r["findings"][0].pop("symbol"),
    lambda r: r["findings"][0].update(line=0),
    lambda r: r["findings"][0].update(code="E501"),
    lambda r: r["findings"][0]["related"].append({"path": "/abs.py", "line": 1}),
    lambda r: r["summary"].update(extra=1),
])
def test_the_schema_rejects_what_plexilint_never_writes(project, cli, damage):
    report = json.loads(cli("check", project(DUPLICATED_STUBS), "--format", "json")[1])
    damage(report)
    with pytest.raises(jsonschema.ValidationError):
        _validate(report)


def test_the_schema_ships_as_package_data():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["plexilint.reporting"]
    shipped = [p for glob in globs for p in (REPO / "plexilint" / "reporting").glob(glob)]
    assert REPO / "plexilint" / "reporting" / SCHEMA_RESOURCE in shipped
