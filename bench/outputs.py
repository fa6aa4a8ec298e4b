"""Sanity checks on what a measured run produced, so a fast row that silently did nothing
(crashed, skipped files, failed to parse) is flagged in the report instead of celebrated."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import Corpus


@dataclass
class Output:
    notes: list[str] = field(default_factory=list)
    # How many plexilint findings the run reported (CLI, or the PLX part of a host's output):
    # every front-end must agree on the same corpus.
    plexilint_findings: int | None = None


def plexilint_report(corpus: Corpus, out: Path) -> Output:
    path = out / "report.json"
    if not path.is_file():
        return Output(["no JSON report was written"])
    document = json.loads(path.read_text(encoding="utf-8"))
    summary = document["summary"]
    notes = [f"{summary['findings']} findings in {summary['files_with_findings']} files"]
    if summary["files_checked"] != len(corpus.files):
        notes.append(f"checked {summary['files_checked']} files of {len(corpus.files)}"
                     + _not_discovered(corpus))
    unparsable = sorted({f["path"] for f in document["findings"] if f["code"] == "PLX001"})
    if unparsable:
        notes.append(f"PLX001 (unparsable or crashed) on {len(unparsable)} files: {', '.join(unparsable[:10])}")
    return Output(notes, summary["findings"])


def _not_discovered(corpus: Corpus) -> str:
    """Which corpus files plexilint's discovery leaves out (its built-in directory exclusions)."""
    from plexilint.engine.discovery import discover_files

    root = corpus.root.resolve()
    found = {path.resolve().relative_to(root).as_posix() for path in discover_files(root, [])}
    missing = [f for f in corpus.files if f not in found]
    return f" (not discovered: {', '.join(missing[:8])}{' ...' if len(missing) > 8 else ''})" if missing else ""


def fix_report(corpus: Corpus, out: Path) -> Output:
    path = out / "fix-report.json"
    if not path.is_file():
        return Output(["no fix report was written"])
    summary = json.loads(path.read_text(encoding="utf-8"))["summary"]
    return Output([f"{summary['findings']} findings, {summary['files_affected']} files affected, "
                   f"{summary['stubs_centralised']} stubs to centralise"])


def fix_diff(corpus: Corpus, out: Path) -> Output:
    path = out / "fix.diff"
    if not path.is_file():
        return Output(["no diff was written"])
    files = sum(1 for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                if line.startswith("+++ "))
    return Output([f"a diff of {files} files"])


def flake8_report(corpus: Corpus, out: Path) -> Output:
    codes = Counter()
    for line in _stdout_lines(out):
        match = re.match(r".+?:\d+:\d+: ([A-Z]+)\d", line)
        if match:
            codes[match.group(1)] += 1
    notes = [f"{sum(codes.values())} findings"]
    if codes["PLX"]:
        notes.append(f"{codes['PLX']} of them PLX")
    return Output(notes + _plexilint_errors(out), codes["PLX"])


def pylint_report(corpus: Corpus, out: Path) -> Output:
    codes = Counter()
    for line in _stdout_lines(out):
        match = re.match(r".+?:\d+:\d+: ([A-Z]\d+): ", line)
        if match:
            codes[match.group(1)] += 1
    # plexilint's message ids are <category>5<family><number> (Rule.pylint_msgid).
    plx = sum(n for code, n in codes.items() if code[1] == "5")
    notes = [f"{sum(codes.values())} messages"] + ([f"{plx} of them plexilint's"] if plx else [])
    fatal = [line for line in _stdout_lines(out) if re.search(r": (F\d+|E0001)", line)]
    if fatal:
        notes.append(f"{len(fatal)} fatal/syntax messages, first: {fatal[0][:160]}")
    return Output(notes + _plexilint_errors(out), plx)


def radon_report(corpus: Corpus, out: Path) -> Output:
    errors = [line for line in _stdout_lines(out) if "ERROR" in line]
    if errors:
        return Output([f"{len(errors)} files not analysed, first: {errors[0][:160]}"])
    return Output()


def jscpd_report(corpus: Corpus, out: Path) -> Output:
    path = out / "jscpd-report.json"
    if not path.is_file():
        return Output(["no jscpd report was written"])
    total = json.loads(path.read_text(encoding="utf-8"))["statistics"]["total"]
    notes = [f"{total['clones']} clones, {total['percentage']:.1f}% of lines duplicated in {total['sources']} files"]
    return Output(notes)


def floor_report(corpus: Corpus, out: Path) -> Output:
    lines = _stdout_lines(out)
    return Output([lines[-1]] if lines else ["no output"])


def _stdout_lines(out: Path) -> list[str]:
    path = out / "stdout"
    return path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else []


def _plexilint_errors(out: Path) -> list[str]:
    """A plexilint traceback inside a host linter (flake8 and pylint report and carry on)."""
    text = "\n".join(_stdout_lines(out))
    stderr = out / "stderr"
    if stderr.is_file():
        text += stderr.read_text(encoding="utf-8", errors="replace")
    if "Traceback" in text and "plexilint" in text:
        return ["a plexilint traceback is in the output"]
    return []
