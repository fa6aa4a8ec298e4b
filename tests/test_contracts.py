"""Contract configuration and the compliance report (`plexilint contracts`)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SAMPLES
from plexilint.reporting.contracts_report import CATEGORIES

STORAGE = {
    "store/__init__.py": "",
    "store/backends/__init__.py": "",
    "store/backends/base.py": """\
        class StorageBackend:
            async def connect(self) -> bool:
                raise NotImplementedError
        """,
    "store/backends/s3.py": """\
        from store.backends.base import StorageBackend


        class S3Backend(StorageBackend):
            def connect(self) -> bool:
                return True
        """,
}
STORAGE_CONTRACT = """\
[[tool.plexilint.contracts]]
name = "storage-backend"
base = "store.backends.base.StorageBackend"

[tool.plexilint.contracts.methods.connect]
async = true
returns = "bool"

[tool.plexilint.contracts.methods.put]
params = ["key", "value"]
"""


def test_a_contract_for_another_hierarchy(project, cli):
    root = project(STORAGE, STORAGE_CONTRACT)
    status, out, _ = cli("contracts", root, "--format", "json")
    report = json.loads(out)
    assert status == 1
    [s3] = report["modules"]
    assert (s3["module"], s3["class"], s3["contract"], s3["is_valid"]) == (
        "store.backends.s3", "S3Backend", "storage-backend", False)
    assert sorted(v["code"] for v in s3["violations"]) == ["PLX301", "PLX302"]
    assert s3["score"] == 60


def test_every_contract_error_is_listed_at_once(project, cli):
    root = project(STORAGE, """\
        [[tool.plexilint.contracts]]
        preset = "plexichat-modul"
        colour = "red"

        [tool.plexilint.contracts.methods.connect]
        async = "yes"
        """)
    status, _, err = cli("check", root)
    assert status == 2
    for fragment in ("contracts[0].preset", "plexichat-module", "contracts[0].colour",
                     "contracts[0].methods.connect.async", "contracts[0].base"):
        assert fragment in err


def test_legacy_report_has_seed_002_shape(cli, monkeypatch):
    monkeypatch.chdir(SAMPLES / "plexichat_legacy")
    status, out, _ = cli("contracts", ".", "--format", "json")
    report = json.loads(out)
    assert status == 1
    assert report["summary"]["classes"] == len(report["modules"]) >= 5
    for entry in report["modules"]:
        assert set(entry) == {"module", "class", "path", "line", "contract", "is_valid", "score",
                              "violations", "warnings"}
        issues = entry["violations"] + entry["warnings"]
        assert all(set(i) == {"severity", "category", "code", "message", "line"} for i in issues)
        assert all(i["category"] in CATEGORIES for i in issues)
        assert entry["score"] == max(0, 100 - 20 * len(entry["violations"]) - 5 * len(entry["warnings"]))
        assert entry["is_valid"] == (not entry["violations"])
    seeded = {i["code"] for e in report["modules"] for i in e["violations"] + e["warnings"]}
    assert seeded >= {"PLX301", "PLX302", "PLX303", "PLX304", "PLX305", "PLX306", "PLX307", "PLX308", "PLX309",
                      "PLX310", "PLX311"}


def test_refactored_modules_score_100(cli, monkeypatch):
    monkeypatch.chdir(SAMPLES / "plexichat_refactored")
    status, out, _ = cli("contracts", ".", "--format", "json")
    report = json.loads(out)
    assert report["modules"], "the refactored sample's modules are covered"
    assert [(e["class"], e["score"]) for e in report["modules"] if e["score"] != 100] == []
    assert status == 0


def test_text_report_without_contracts_says_how_to_declare_one(project, cli):
    root = project(STORAGE, "")
    status, out, _ = cli("contracts", root)
    assert status == 0
    assert 'preset = "plexichat-module"' in out


def test_resource_usage_is_categorised_by_module_and_by_name_in_it():
    """What a class's methods use, by category: a module (`requests`), a name in one
    (`os.system`), a sub-package (`google.cloud.storage`); not a module that only shares a
    prefix (`requests_cache`, `osx`)."""
    import ast
    import textwrap

    from plexilint.analysis.contracts import extract_contract_facts

    source = textwrap.dedent("""\
        import os
        import requests
        import requests_cache
        from google.cloud import storage


        class Worker:
            def run(self):
                requests.get("https://example.org")
                requests_cache.install_cache()
                os.system("true")
                os.getcwd()
                storage.Client()
                import osx
        """)
    aliases = {"os": "os", "requests": "requests", "requests_cache": "requests_cache",
               "storage": "google.cloud.storage", "Worker": "app.Worker"}
    facts = extract_contract_facts(ast.parse(source), source, "app", False, aliases)
    usage = {(category, evidence) for category, _, evidence in facts.classes[0].usage}
    assert usage == {
        ("network", "requests"), ("network", "requests.get"),  # the name, then the call
        ("subprocess", "os.system"),
        ("external_api", "google.cloud.storage"), ("external_api", "google.cloud.storage.Client"),
    }


def test_contract_facts_are_extracted_only_when_a_contract_is_declared(project):
    """Contract rules cannot report without a declared contract, so a run without one does not
    pay for the contract facts; declaring one brings them (and the findings) back."""
    from plexilint.config import load_config
    from plexilint.runner.project import analyse_project

    files = {"store/__init__.py": "", **{k: v for k, v in STORAGE.items() if k != "store/__init__.py"}}
    root = project(files, "")
    index = analyse_project(root, load_config(root), cache=None).index
    assert all(not file.contracts.classes for file in index.files)
    (root / "pyproject.toml").write_text("[tool.plexilint]\n" + STORAGE_CONTRACT, encoding="utf-8")
    analysis = analyse_project(root, load_config(root), cache=None)
    assert any(file.contracts.classes for file in analysis.index.files)
    assert any(f.code == "PLX302" for path in analysis.findings for f in analysis.findings_for(Path(path)))
