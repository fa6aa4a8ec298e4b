"""Precision on real code: run `plexilint check` over the standard library and popular
packages, and list every finding with a justification; write docs/precision.md.

    python bench/precision.py [--select PLX1,PLX2] [--packages django,sqlalchemy,...]
                              [--workdir DIR] [--keep] [--output docs/precision.md]

The standard library is DESIGN.md's reference corpus (without its tests). The packages are
installed with pip into a throwaway directory (``--workdir``, removed afterwards unless
``--keep``), and each one's import package is checked as a project of its own, with no
configuration: what a new user sees. A finding is justified in bench/precision_justifications.json
(a finding that cannot be justified is a bug to fix in the rule, not a line to write there).
Targets: at most 3 PLX1 findings on the standard library, none on a package without fallbacks.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(REPOSITORY))

from bench import corpus as corpora  # noqa: E402

JUSTIFICATIONS = REPOSITORY / "bench" / "precision_justifications.json"
# distribution -> import package: two web frameworks and the packages the issue names.
PACKAGES = {"django": "django", "sqlalchemy": "sqlalchemy", "requests": "requests", "rich": "rich",
            "flask": "flask", "fastapi": "fastapi", "starlette": "starlette"}
STDLIB = "stdlib"
MAX_PLX1_ON_STDLIB = 3
UNJUSTIFIED = "**not justified yet**"


@dataclass(frozen=True)
class Finding:
    corpus: str
    path: str
    line: int
    code: str
    message: str

    @property
    def key(self) -> str:
        """Stable across line shifts: the corpus, file, code and the first name the message quotes."""
        subject = re.search(r"`([^`]+)`", self.message)
        return f"{self.corpus}:{self.path}:{self.code}:{subject.group(1) if subject else ''}"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--select", default="PLX1,PLX2", help="rule codes or prefixes (default: PLX1,PLX2)")
    parser.add_argument("--packages", default=",".join(PACKAGES),
                        help=f"distributions to install and check (default: {','.join(PACKAGES)})")
    parser.add_argument("--workdir", type=Path, help="where to install and copy the corpora (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--skip-install", action="store_true", help="use what --workdir already holds")
    parser.add_argument("--output", type=Path, default=REPOSITORY / "docs" / "precision.md")
    return parser.parse_args(argv)


def install(packages: list[str], target: Path) -> None:
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--target", str(target), *packages]
    subprocess.run(command, check=True)


def installed_versions(target: Path) -> dict[str, str]:
    versions = {}
    for info in target.glob("*.dist-info"):
        name, _, version = info.name[: -len(".dist-info")].partition("-")
        versions[name.lower().replace("_", "-")] = version
    return versions


def build_corpora(packages: list[str], site: Path, scratch: Path) -> dict[str, Path]:
    built = {STDLIB: corpora.build(corpora.stdlib_root(), corpora.source_files(corpora.stdlib_root()),
                                   scratch / STDLIB, "the standard library").root}
    for distribution in packages:
        package = PACKAGES.get(distribution, distribution.replace("-", "_"))
        files = [f"{package}/{f}" for f in corpora.source_files(site / package)]
        built[distribution] = corpora.build(site, files, scratch / distribution, distribution).root
    return built


def check(name: str, root: Path, select: str) -> list[Finding]:
    command = [sys.executable, "-m", "plexilint", "check", str(root), "--format", "json", "--select", select,
               "--no-cache"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=root)
    if result.returncode not in (0, 1):
        raise SystemExit(f"plexilint failed on {name} (exit {result.returncode}):\n{result.stderr}")
    return [Finding(name, f["path"], f["line"], f["code"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(findings: dict[str, list[Finding]], justifications: dict[str, str], versions: dict[str, str],
             select: str, files: dict[str, int]) -> str:
    lines = [
        "# Precision on real code",
        "",
        "What `plexilint check --select " + select + "` reports, with no configuration, on the "
        "standard library (without its tests: `test/`, `tests/`, `idlelib/idle_test/`, `lib2to3/`) and on popular "
        "packages installed from the package index, each checked as a project of its own. Every "
        "finding is listed with why it is right (or what it is); a finding that could not be "
        "justified was fixed in the rule instead. Regenerate with "
        "`nice -n 10 python bench/precision.py` (justifications live in "
        "`bench/precision_justifications.json`).",
        "",
        f"Generated on {datetime.date.today().isoformat()}, Python {sys.version.split()[0]}.",
        "",
        "Targets: at most " + str(MAX_PLX1_ON_STDLIB) + " PLX1 findings on the standard library; none on a "
        "package that has no fallbacks.",
        "",
        "| corpus | version | files | PLX1 | PLX2 | other |",
        "|---|---|---|---|---|---|",
    ]
    for corpus, found in findings.items():
        plx1 = sum(f.code.startswith("PLX1") for f in found)
        plx2 = sum(f.code.startswith("PLX2") for f in found)
        version = versions.get(corpus, sys.version.split()[0] if corpus == STDLIB else "?")
        lines.append(f"| {corpus} | {version} | {files[corpus]} | {plx1} | {plx2} | {len(found) - plx1 - plx2} |")
    for corpus, found in findings.items():
        lines += ["", f"## {corpus}", ""]
        if not found:
            lines.append("No findings.")
            continue
        lines += ["| where | code | finding | justification |", "|---|---|---|---|"]
        for finding in found:
            justification = justifications.get(finding.key, UNJUSTIFIED)
            lines.append(f"| `{finding.path}:{finding.line}` | {finding.code} | {_cell(finding.message)} | "
                         f"{_cell(justification)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    packages = [p for p in args.packages.split(",") if p]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="plexilint-precision-"))
    site, scratch = workdir / "site", workdir / "corpora"
    try:
        if not args.skip_install:
            install(packages, site)
        shutil.rmtree(scratch, ignore_errors=True)
        built = build_corpora(packages, site, scratch)
        findings = {name: check(name, root, args.select) for name, root in built.items()}
        files = {name: sum(1 for _ in root.rglob("*.py")) for name, root in built.items()}
        justifications = json.loads(JUSTIFICATIONS.read_text(encoding="utf-8")) if JUSTIFICATIONS.is_file() else {}
        args.output.write_text(markdown(findings, justifications, installed_versions(site), args.select, files),
                               encoding="utf-8")
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    missing = [f.key for found in findings.values() for f in found if f.key not in justifications]
    plx1_on_stdlib = sum(f.code.startswith("PLX1") for f in findings[STDLIB])
    print(f"wrote {args.output}; {sum(map(len, findings.values()))} findings, {len(missing)} not justified, "
          f"{plx1_on_stdlib} PLX1 on the standard library (target: at most {MAX_PLX1_ON_STDLIB})")
    for key in missing:
        print(f"  not justified: {key}")
    return 0 if not missing and plx1_on_stdlib <= MAX_PLX1_ON_STDLIB else 1


if __name__ == "__main__":
    sys.exit(main())
