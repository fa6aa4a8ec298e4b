"""CI formats of `plexilint check`: SARIF (checked against the official schema), GitHub
Actions annotations, GitLab Code Quality."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO, write_project
from plexilint.adapters.cli import build_parser
from plexilint.model import Finding, Related, Span
from plexilint.reporting.ci_fingerprints import occurrence_fingerprints
from plexilint.reporting.github_format import annotation, escape_data, escape_property
from plexilint.reporting.source_columns import CharacterColumns
from plexilint.rules import rule_for
from stub_projects import DUPLICATED_STUBS, stub

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BASELINE = ".plexilint-baseline.json"


DUPLICATES = DUPLICATED_STUBS
# One finding per level: PLX101 (refactor), PLX202 (warning, after non-ASCII text), PLX001 (error).
MIXED = {
    **DUPLICATES,
    "pkg/services/__init__.py": "",
    "pkg/services/audit.py": 'NOTE = "héllo wörld €"; import sqlite3\n',
    "pkg/broken.py": "def (\n",
}


# The database rules need a fallback manager to point to; this one lives outside the project.
DATABASE_MANAGER = '[tool.plexilint.database]\nfallback-manager = ["get_fallback_manager"]\n'


@pytest.fixture
def at_root(project, monkeypatch):
    """A project, with the working directory at its root (the repository root in CI)."""

    def make(files: dict[str, str]) -> Path:
        root = project(files, DATABASE_MANAGER)
        monkeypatch.chdir(root)
        return root

    return make


def assert_valid_sarif(document: dict) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def sarif(cli, *args: object) -> tuple[int, dict]:
    status, out, _ = cli("check", *args, "--format", "sarif")
    document = json.loads(out)
    assert_valid_sarif(document)
    return status, document


def test_schema_is_the_official_one():
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"] == {"description": "The SARIF format version of this log file.",
                                               "enum": ["2.1.0"]}


def test_schema_validation_catches_a_broken_log(at_root, cli):
    at_root(DUPLICATES)
    _, document = sarif(cli, ".")
    del document["runs"][0]["results"][0]["message"]
    document["runs"][0]["results"][1]["level"] = "fatal"
    with pytest.raises(AssertionError):
        assert_valid_sarif(document)


def test_sarif_result_of_a_duplicated_stub(at_root, cli):
    root = at_root(DUPLICATES)
    status, document = sarif(cli, ".")
    fingerprints = [f["fingerprint"] for f in json.loads(cli("check", ".", "--format", "json")[1])["findings"]]
    assert status == 1
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": root.as_uri() + "/"}}
    assert run["columnKind"] == "unicodeCodePoints"
    first, second = run["results"]
    assert first == {
        "ruleId": "PLX101",
        "ruleIndex": 0,
        "level": "note",
        "message": {"text": "Fallback stub `EventManager` (empty class) has the same shape as 1 other definition "
                            "in 1 other module (pkg/files/__init__.py:1): define it once in `pkg.fallbacks` and "
                            "import it from there"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "pkg/events/__init__.py", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 19}}}],
        "partialFingerprints": {"plexilintFingerprint/v1": f"{fingerprints[0]}:0"},
        "relatedLocations": [{"id": 1, "physicalLocation": {
            "artifactLocation": {"uri": "pkg/files/__init__.py", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 1}}}],
    }
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "pkg/files/__init__.py"
    assert second["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "pkg/events/__init__.py"
    assert "suppressions" not in first and "suppressions" not in second


def test_sarif_driver_describes_the_rules_that_fired(at_root, cli, monkeypatch):
    at_root(MIXED)
    _, document = sarif(cli, ".")
    driver = document["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "plexilint", "0.1.0", "https://github.com/plexilint/plexilint")
    assert [r["id"] for r in driver["rules"]] == ["PLX001", "PLX101", "PLX202"]
    descriptor = driver["rules"][1]
    documentation = rule_for("PLX101").documentation()
    assert descriptor == {
        "id": "PLX101",
        "name": "duplicated-fallback-stub",
        "shortDescription": {"text": "Fallback stub duplicated across modules."},
        "fullDescription": {"text": "Finds fallback stubs that have the same *shape* in several places: definitions "
                                    "that differ only in names and literal values (docstrings, annotations and "
                                    "layout aside)."},
        "help": {"text": documentation, "markdown": documentation},
        "helpUri": "https://github.com/plexilint/plexilint/blob/main/docs/rules/PLX101.md",
        "defaultConfiguration": {"level": "note"},
        "properties": {"tags": ["duplicated fallbacks"], "pylintMessageId": "R5101"},
    }
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == ["error", "note", "warning"]
    results = document["runs"][0]["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("PLX001", 0, "error"), ("PLX101", 1, "note"), ("PLX101", 1, "note"), ("PLX202", 2, "warning")]
    # The rule pages may live elsewhere (a fork, an internal mirror).
    monkeypatch.setenv("PLEXILINT_DOCS_URL", "https://docs.example.com/plexilint/rules/")
    _, document = sarif(cli, ".")
    assert document["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] == (
        "https://docs.example.com/plexilint/rules/PLX001.md")


def test_columns_count_characters_not_utf8_bytes(at_root, cli):
    at_root(MIXED)
    _, document = sarif(cli, ".")
    region = document["runs"][0]["results"][-1]["locations"][0]["physicalLocation"]["region"]
    # The imported name `sqlite3` is the 32nd character of `NOTE = "héllo wörld €"; import sqlite3`
    # (36th byte).
    assert region == {"startLine": 1, "startColumn": 32, "endLine": 1, "endColumn": 39}
    assert "pkg/services/audit.py:1:36: PLX202" in cli("check", ".")[1]
    github = cli("check", ".", "--format", "github")[1]
    assert "::warning file=pkg/services/audit.py,line=1,col=32,endLine=1,endColumn=39," in github


def test_character_columns_read_python_line_breaks_only(tmp_path):
    path = tmp_path / "m.py"
    path.write_bytes('a = "\x0c"\r\nb = "ü"; c = 1\n'.encode())
    columns = CharacterColumns()
    assert columns.column(str(path), 2, 11) == 10  # `c` after one two-byte character
    assert columns.column(str(path), 1, 3) == 3
    assert columns.column(str(tmp_path / "gone.py"), 2, 11) == 11  # unreadable: bytes kept


def test_sarif_baselined_findings_are_suppressed_results(at_root, cli):
    root = at_root(DUPLICATES)
    assert cli("baseline", "create", ".")[0] == 0
    (root / "pkg" / "cache").mkdir()
    (root / "pkg" / "cache" / "__init__.py").write_text(stub("CacheManager"))
    status, document = sarif(cli, ".", "--baseline", BASELINE)
    assert status == 1
    results = document["runs"][0]["results"]
    by_path = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in results}
    assert sorted(by_path) == ["pkg/cache/__init__.py", "pkg/events/__init__.py", "pkg/files/__init__.py"]
    assert "suppressions" not in by_path["pkg/cache/__init__.py"]
    for path in ("pkg/events/__init__.py", "pkg/files/__init__.py"):
        assert by_path[path]["suppressions"] == [
            {"kind": "external", "status": "accepted", "justification": "Accepted by the plexilint baseline."}]


def test_fingerprints_survive_lines_inserted_above(at_root, cli):
    root = at_root(DUPLICATES)

    def fingerprints(fmt: str) -> list:
        out = json.loads(cli("check", ".", "--format", fmt)[1])
        if fmt == "gitlab":
            return [(i["location"]["lines"]["begin"], i["fingerprint"]) for i in out]
        return [(r["locations"][0]["physicalLocation"]["region"]["startLine"], r["partialFingerprints"])
                for r in out["runs"][0]["results"]]

    before = {fmt: fingerprints(fmt) for fmt in ("sarif", "gitlab")}
    path = root / "pkg" / "events" / "__init__.py"
    path.write_text('"""Events."""\n\nimport os\n\n' + path.read_text())
    after = {fmt: fingerprints(fmt) for fmt in ("sarif", "gitlab")}
    for fmt in ("sarif", "gitlab"):
        assert [line for line, _ in before[fmt]] == [1, 1]
        assert [line for line, _ in after[fmt]] == [5, 1]
        assert [fp for _, fp in after[fmt]] == [fp for _, fp in before[fmt]]


def test_equal_fingerprints_get_an_occurrence_index():
    def finding(line: int) -> Finding:
        return Finding("PLX201", "direct-database-access", "/p/a.py", "a.py", Span(line), "m", key="same")

    first, second, other = finding(3), finding(9), Finding("PLX201", "x", "/p/b.py", "b.py", Span(1), "m", key="same")
    assert first.fingerprint == second.fingerprint
    assert occurrence_fingerprints([first, second, other]) == [
        f"{first.fingerprint}:0", f"{first.fingerprint}:1", f"{other.fingerprint}:0"]


def test_sarif_multiple_roots_inside_the_working_directory(tmp_path, cli, monkeypatch):
    write_project(tmp_path / "a", DUPLICATES, "")
    write_project(tmp_path / "b", {"lib/__init__.py": "", "lib/x/__init__.py": stub("X"),
                                   "lib/y/__init__.py": stub("Y")}, "")
    monkeypatch.chdir(tmp_path)
    _, document = sarif(cli, "a", "b")
    run = document["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    locations = [(r["locations"][0]["physicalLocation"]["artifactLocation"],
                  r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in run["results"]]
    assert locations == [
        ({"uri": "a/pkg/events/__init__.py", "uriBaseId": "%SRCROOT%"}, "a/pkg/files/__init__.py"),
        ({"uri": "a/pkg/files/__init__.py", "uriBaseId": "%SRCROOT%"}, "a/pkg/events/__init__.py"),
        ({"uri": "b/lib/x/__init__.py", "uriBaseId": "%SRCROOT%"}, "b/lib/y/__init__.py"),
        ({"uri": "b/lib/y/__init__.py", "uriBaseId": "%SRCROOT%"}, "b/lib/x/__init__.py"),
    ]


def test_sarif_root_outside_the_working_directory_gets_its_own_base(tmp_path, cli, monkeypatch):
    root = write_project(tmp_path / "proj", DUPLICATES, "")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    _, document = sarif(cli, root)
    run = document["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": elsewhere.as_uri() + "/"},
                                         "ROOT1": {"uri": root.as_uri() + "/"}}
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "pkg/events/__init__.py", "uriBaseId": "ROOT1"}


def test_sarif_uris_are_percent_encoded(at_root, cli):
    at_root({"pkg/__init__.py": "", "pkg/odd name%.py": "def (\n"})
    _, document = sarif(cli, ".")
    assert document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "pkg/odd%20name%25.py", "uriBaseId": "%SRCROOT%"}


def test_sarif_of_a_clean_project(at_root, cli):
    at_root({"pkg/__init__.py": "VALUE = 1\n"})
    status, document = sarif(cli, ".")
    assert status == 0
    assert document["runs"][0]["results"] == [] and document["runs"][0]["tool"]["driver"]["rules"] == []


def test_github_annotations(at_root, cli):
    at_root(MIXED)
    status, out, _ = cli("check", ".", "--format", "github")
    assert status == 1
    assert out.splitlines() == [
        "::error file=pkg/broken.py,line=1,col=5,title=PLX001 unparsable-file::"
        "Cannot analyse this file (invalid syntax): fix it so Python can parse it; no other rule checks it until then",
        "::notice file=pkg/events/__init__.py,line=1,col=7,endLine=1,endColumn=19,title=PLX101 "
        "duplicated-fallback-stub::Fallback stub `EventManager` (empty class) has the same shape as 1 other "
        "definition in 1 other module (pkg/files/__init__.py:1): define it once in `pkg.fallbacks` and import it "
        "from there",
        "::notice file=pkg/files/__init__.py,line=1,col=7,endLine=1,endColumn=18,title=PLX101 "
        "duplicated-fallback-stub::Fallback stub `FileManager` (empty class) has the same shape as 1 other "
        "definition in 1 other module (pkg/events/__init__.py:1): define it once in `pkg.fallbacks` and import it "
        "from there",
        "::warning file=pkg/services/audit.py,line=1,col=32,endLine=1,endColumn=39,title=PLX202 database-import::"
        "`sqlite3` brings raw database access (`sqlite3`) into a guarded module: import the fallback manager and "
        "use `get_fallback_manager()` instead",
        "Found 4 findings in 4 files (6 checked). `plexilint explain CODE` tells what each code means and what to do.",
    ]


def test_github_paths_are_relative_to_the_working_directory(project, cli, monkeypatch):
    root = project(DUPLICATES)
    monkeypatch.chdir(root.parent)
    out = cli("check", root, "--format", "github")[1]
    assert out.startswith("::notice file=proj/pkg/events/__init__.py,line=1,")


def test_github_escaping():
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("dir,x/a:b%.py\n") == "dir%2Cx/a%3Ab%25.py%0A"


def test_github_escapes_odd_file_names(at_root, cli):
    at_root({"pkg/__init__.py": "", "pkg/odd,name:x%.py": "def (\n"})
    out = cli("check", ".", "--format", "github")[1]
    assert out.startswith("::error file=pkg/odd%2Cname%3Ax%25.py,line=1,col=5,")


def test_github_annotation_over_several_lines_has_no_columns(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("x = 1\n")
    finding = Finding("PLX401", "function-too-complex", str(path), "m.py", Span(2, 4, 9, 1),
                      "too complex\nreally: 100%", related=(Related("n.py", 3),))
    assert annotation(finding, str(tmp_path), CharacterColumns()) == (
        "::notice file=m.py,line=2,endLine=9,title=PLX401 function-too-complex::too complex%0Areally: 100%25")


def test_github_format_is_the_default_inside_github_actions(at_root, cli, monkeypatch, tmp_path):
    at_root(DUPLICATES)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    status, out, _ = cli("check", ".")
    assert status == 1
    assert out.startswith("::notice file=pkg/events/__init__.py,line=1,col=7,")
    # An explicit --format wins.
    assert cli("check", ".", "--format", "text")[1].startswith("pkg/events/__init__.py:1:7: PLX101 ")
    # A report file is for other tools: it keeps the text default.
    cli("check", ".", "-o", tmp_path / "report.txt")
    assert (tmp_path / "report.txt").read_text().startswith("pkg/events/__init__.py:1:7: PLX101 ")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert cli("check", ".")[1].startswith("pkg/events/__init__.py:1:7: PLX101 ")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert cli("check", ".")[1].startswith("pkg/events/__init__.py:1:7: PLX101 ")


def test_github_summary_of_a_clean_project(at_root, cli):
    at_root({"pkg/__init__.py": "VALUE = 1\n"})
    assert cli("check", ".", "--format", "github") == (0, "All checks passed (1 file checked).\n", "")


def test_gitlab_code_quality(at_root, cli):
    at_root(MIXED)
    status, out, _ = cli("check", ".", "--format", "gitlab")
    issues = json.loads(out)
    assert status == 1
    assert issues[1] == {
        "type": "issue",
        "check_name": "PLX101",
        "description": "PLX101 Fallback stub `EventManager` (empty class) has the same shape as 1 other definition "
                       "in 1 other module (pkg/files/__init__.py:1): define it once in `pkg.fallbacks` and import it "
                       "from there",
        "fingerprint": issues[1]["fingerprint"],
        "severity": "minor",
        "location": {"path": "pkg/events/__init__.py", "lines": {"begin": 1, "end": 1}},
    }
    assert [(i["check_name"], i["severity"], i["location"]["path"]) for i in issues] == [
        ("PLX001", "critical", "pkg/broken.py"),
        ("PLX101", "minor", "pkg/events/__init__.py"),
        ("PLX101", "minor", "pkg/files/__init__.py"),
        ("PLX202", "major", "pkg/services/audit.py"),
    ]
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == 4 and all(len(fp) == 32 and int(fp, 16) >= 0 for fp in fingerprints)


def test_gitlab_leaves_out_baselined_findings(at_root, cli):
    root = at_root(DUPLICATES)
    cli("baseline", "create", ".")
    assert cli("check", ".", "--baseline", BASELINE, "--format", "gitlab")[:2] == (0, "[]\n")
    (root / "pkg" / "cache").mkdir()
    (root / "pkg" / "cache" / "__init__.py").write_text(stub("CacheManager"))
    status, out, _ = cli("check", ".", "--baseline", BASELINE, "--format", "gitlab")
    assert status == 1
    assert [i["location"]["path"] for i in json.loads(out)] == ["pkg/cache/__init__.py"]


def test_ci_doc_commands_and_workflows_are_valid():
    doc = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.DOTALL)
    commands = [line.split("#")[0].strip().removeprefix("- ").removeprefix("run: ")
                for block in blocks for line in block.splitlines() if "plexilint check" in line]
    assert len(blocks) == 3 and len(commands) == 3
    for command in commands:
        args = build_parser().parse_args(shlex.split(command)[1:])
        assert args.command == "check"
    yaml = pytest.importorskip("yaml")
    workflows = [yaml.safe_load(block) for block in blocks]
    upload = workflows[0]["jobs"]["plexilint"]["steps"][-1]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "plexilint.sarif"
    assert workflows[2]["plexilint"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
