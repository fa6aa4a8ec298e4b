"""Configuration: discovery, validation (exit 2 naming key, value and expectation), selection."""

from __future__ import annotations

import pytest

from plexilint.config import ConfigError, find_project_root, load_config

STUBS = {
    "pkg/__init__.py": "",
    "pkg/a.py": "def emit(*args, **kwargs):\n    pass\n",
    "pkg/b.py": "def send(*args, **kwargs):\n    pass\n",
}


@pytest.mark.parametrize(
    ("config", "fragments"),
    [
        ("min-duplicates = 1\n", ["min-duplicates", "1", "integer >= 2"]),
        ('min-duplicates = "two"\n', ["min-duplicates", "'two'", "integer >= 2"]),
        ('select = "PLX1"\n', ["select", "'PLX1'", "list of strings"]),
        ('select = ["E501"]\n', ["select", "E501", "rule codes or prefixes"]),
        ('ignore = ["PLX999"]\n', ["ignore", "PLX999", "matches no rule"]),
        ('fallbacks-module = "not a module"\n', ["fallbacks-module", "not a module", "dotted module name"]),
        ('exclude = ["[abc"]\n', ["exclude", "unbalanced brackets"]),
        ('colour = "red"\n', ["unknown key 'colour'", "known keys"]),
        ('[tool.plexilint.per-file-ignores]\n"tests/*" = ["X1"]\n', ["per-file-ignores", "X1"]),
        ("[tool.plexilint.complexity]\nmax-cyclomatic = 0\n", ["complexity.max-cyclomatic", "0", "integer >= 1"]),
        ("[tool.plexilint.complexity]\nmin-maintainability = 120\n",
         ["complexity.min-maintainability", "120", "number from 0 to 100"]),
        ("[tool.plexilint.complexity]\nmax-nesting = 3\n", ["unknown key", "max-nesting"]),
        ("min-duplicates = \n", ["invalid TOML"]),
    ],
)
def test_bad_configuration_exits_2_naming_the_key(project, cli, config, fragments):
    root = project(STUBS, config)
    status, out, err = cli("check", root)
    assert status == 2
    assert out == ""
    for fragment in fragments:
        assert fragment in err
    assert "pyproject.toml" in err


def test_all_problems_are_reported_at_once(project):
    root = project(STUBS, 'min-duplicates = 0\ncolour = 1\nselect = "x"\n')
    with pytest.raises(ConfigError) as error:
        load_config(root)
    assert len(error.value.problems) == 3


def test_explicit_config_file(project, cli, tmp_path):
    root = project(STUBS, None)
    other = tmp_path / "other.toml"
    other.write_text('[tool.plexilint]\nignore = ["PLX101"]\n', encoding="utf-8")
    assert cli("check", root)[0] == 1
    assert cli("check", root, "--config", other)[0] == 0
    assert cli("check", root, "--config", tmp_path / "missing.toml")[0] == 2


def test_root_is_the_nearest_pyproject(project):
    root = project(STUBS, "")
    assert find_project_root(root / "pkg" / "a.py") == root.resolve()


def test_root_without_pyproject_is_the_top_package_parent(tmp_path):
    (tmp_path / "top" / "pkg" / "sub").mkdir(parents=True)
    for directory in ("pkg", "pkg/sub"):
        (tmp_path / "top" / directory / "__init__.py").write_text("")
    module = tmp_path / "top" / "pkg" / "sub" / "mod.py"
    module.write_text("")
    assert find_project_root(module) == (tmp_path / "top").resolve()


@pytest.mark.parametrize(
    ("config", "codes"),
    [
        ("", {"PLX101"}),
        ('ignore = ["PLX1"]\n', set()),
        ('select = ["PLX1"]\nignore = ["PLX101"]\n', set()),
        ('select = ["PLX101"]\nignore = ["PLX1"]\n', {"PLX101"}),  # most specific wins
        ('select = ["PLX0"]\n', set()),
        ('[tool.plexilint.per-file-ignores]\n"pkg/a.py" = ["PLX101"]\n', {"PLX101"}),
    ],
)
def test_selection(project, cli, config, codes):
    root = project(STUBS, config)
    status, out, _ = cli("check", root, "--format", "json")
    import json

    found = {f["code"] for f in json.loads(out)["findings"]}
    assert found == codes
    assert status == (1 if codes else 0)


def test_per_file_ignores_only_affect_matching_files(project, cli):
    import json

    root = project(STUBS, '[tool.plexilint.per-file-ignores]\n"pkg/a.py" = ["PLX101"]\n')
    findings = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    assert [f["path"] for f in findings] == ["pkg/b.py"]


def test_exclude_globs(project, cli):
    import json

    files = {**STUBS, "pkg/legacy/__init__.py": "", "pkg/legacy/c.py": "def x(*a, **k):\n    return None\n"}
    files["pkg/legacy/d.py"] = "def y(*a, **k):\n    return None\n"
    root = project(files, 'exclude = ["legacy"]\n')
    report = json.loads(cli("check", root, "--format", "json")[1])
    assert {f["path"] for f in report["findings"]} == {"pkg/a.py", "pkg/b.py"}
    assert report["summary"]["files_checked"] == 3


def test_cli_select_and_ignore_override(project, cli):
    root = project(STUBS, "")
    assert cli("check", root, "--ignore", "PLX101")[0] == 0
    assert cli("check", root, "--select", "PLX001")[0] == 0
    assert cli("check", root, "--select", "PLX101")[0] == 1
    status, _, err = cli("check", root, "--select", "E501")
    assert status == 2 and "E501" in err
