"""plexilint passes its own bar, and the repository's own configuration is valid."""

from conftest import REPO
from plexilint.adapters.cli import main


def test_plexilint_source_is_clean(capsys):
    status = main(["check", str(REPO / "plexilint"), str(REPO / "tests")])
    output = capsys.readouterr().out
    assert status == 0, output
    assert output.startswith("All checks passed")
