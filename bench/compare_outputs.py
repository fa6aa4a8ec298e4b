"""Did a refactor change what plexilint answers? Take a snapshot of its outputs and facts before
and after, and compare them.

    python -m bench.compare_outputs snapshot OUT_DIR [--corpus stdlib|samples|all]
    python -m bench.compare_outputs compare OLD_DIR NEW_DIR

`snapshot` copies each sample project (sample_projects/*) and the standard library (the
benchmark's reference corpus, bench/corpus.py) to a temporary directory, makes each a git
repository (`fix` wants committed files), and writes for each the outputs of `check` (text,
JSON, SARIF), `report` (Markdown, JSON) and the `fix` dry-run diff, their exit statuses, and
the facts of every file (bench/output_snapshot.py). Run it with the interpreter of the checkout
to snapshot, from that checkout. `compare` exits 0 when the snapshots are identical, 1 with a
summary of the differences, 2 when a directory is not a snapshot.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import corpus
from bench.output_snapshot import snapshot_project
from bench.snapshot_diff import compare_snapshots

REPOSITORY = Path(__file__).resolve().parent.parent
SAMPLES = REPOSITORY / "sample_projects"
METADATA = "snapshot.json"
CORPORA = ("samples", "stdlib")


def take_snapshot(out: Path, corpora: tuple[str, ...]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise SystemExit(f"{out} is not empty: a snapshot goes to a new or empty directory")
    with tempfile.TemporaryDirectory(prefix="plexilint-snapshot-") as directory:
        temporary = Path(directory).resolve()
        projects = []
        if "samples" in corpora:
            for sample in sorted(p for p in SAMPLES.iterdir() if (p / "pyproject.toml").is_file()):
                root = temporary / "samples" / sample.name
                shutil.copytree(sample, root, ignore=shutil.ignore_patterns("__pycache__", ".plexilint_cache"))
                projects.append((f"samples/{sample.name}", root))
        if "stdlib" in corpora:
            source = corpus.stdlib_root()
            built = corpus.build(source, corpus.source_files(source), temporary / "stdlib", "the standard library")
            projects.append(("stdlib", built.root))
        for name, root in projects:
            _commit(root)
            print(f"snapshot of {name}", file=sys.stderr, flush=True)
            snapshot_project(root, out / name, temporary)
    (out / METADATA).write_text(json.dumps(_metadata(corpora), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _commit(root: Path) -> None:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "snapshot", "GIT_AUTHOR_EMAIL": "snapshot@localhost",
                   "GIT_COMMITTER_NAME": "snapshot", "GIT_COMMITTER_EMAIL": "snapshot@localhost",
                   "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-gpg-sign", "-m", "snapshot"]):
        subprocess.run(["git", *command], cwd=root, env=environment, check=True, capture_output=True)


def _metadata(corpora: tuple[str, ...]) -> dict:
    import plexilint

    package = Path(plexilint.__file__).parent
    git = lambda *arguments: subprocess.run(["git", *arguments], cwd=package, capture_output=True,  # noqa: E731
                                            text=True, check=False).stdout.strip()
    return {"corpora": list(corpora), "python": platform.python_version(), "plexilint": plexilint.__version__,
            "code": str(package), "commit": git("rev-parse", "HEAD") or None,
            "uncommitted_changes": bool(git("status", "--porcelain", "--", ".")), "stdlib": str(corpus.stdlib_root())}


def compare(old: Path, new: Path) -> int:
    for directory in (old, new):
        if not (directory / METADATA).is_file():
            print(f"{directory}: not a snapshot (no {METADATA}; take one with `snapshot`)", file=sys.stderr)
            return 2
    old_meta, new_meta = (json.loads((d / METADATA).read_text(encoding="utf-8")) for d in (old, new))
    corpora = set(old_meta["corpora"]) & set(new_meta["corpora"])
    for side, meta in (("OLD", old_meta), ("NEW", new_meta)):
        for name in sorted(set(meta["corpora"]) - corpora):
            print(f"note: only {side} has the {name} corpus: not compared")
    if not corpora:
        print("the snapshots have no corpus in common", file=sys.stderr)
        return 2
    if "stdlib" in corpora and old_meta["python"] != new_meta["python"]:
        print(f"note: the standard library differs (Python {old_meta['python']} and {new_meta['python']})")
    lines = compare_snapshots(old, new, corpora)
    if not lines:
        print(f"identical ({', '.join(sorted(corpora))}): {old} and {new}")
        return 0
    print(f"OLD is {old}, NEW is {new}")
    print("\n".join(lines))
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare_outputs", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    snapshot = commands.add_parser("snapshot", help="write the outputs and facts of this checkout")
    snapshot.add_argument("out", type=Path)
    snapshot.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    comparison = commands.add_parser("compare", help="exit 1 and say what differs between two snapshots")
    comparison.add_argument("old", type=Path)
    comparison.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        take_snapshot(args.out, CORPORA if args.corpus == "all" else (args.corpus,))
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
