"""Where a cold ``plexilint check`` spends its time: per file (parse vs fact extraction, by
extractor) and per rule. Prints JSON; the benchmark runs it as a child and reports the result.

    python bench/profile_plexilint.py PROJECT_DIR

It calls the engine's stages one by one, the way ``plexilint.runner.project`` chains them,
so it needs updating when that pipeline changes (the benchmark reports a failure, it does
not stop).
"""

from __future__ import annotations

import ast
import gc
import json
import sys
import time
from pathlib import Path

from plexilint.analysis.complexity import extract_complexity_facts
from plexilint.analysis.contracts import extract_contract_facts
from plexilint.analysis.database import extract_database_facts
from plexilint.analysis.fallbacks import extract_fallback_facts
from plexilint.analysis.modules import module_name_for
from plexilint.config import load_config
from plexilint.engine.discovery import discover_files
from plexilint.engine.facts import decode_source, extract_facts
from plexilint.engine.index import DeclaredFiles, ProjectIndex
from plexilint.engine.sources import read_project_files
from plexilint.runner.project import declared_project_files, fact_kinds
from plexilint.engine.selection import Selection
from plexilint.rules import all_rules
from plexilint.rules.base import AfterFindingsRule


def profile_file(path: Path, root: Path, kinds: frozenset[str]) -> tuple[dict, object]:
    data = path.read_bytes()
    start = time.perf_counter()
    source = decode_source(data)
    tree = ast.parse(source, filename=str(path))
    parsed = time.perf_counter()
    facts = extract_facts(path, path.relative_to(root).as_posix(), data, tree, kinds=kinds)
    done = time.perf_counter()
    # Each extractor the run uses again on its own, to see which one dominates (a second pass:
    # the totals above are the real ones).
    module, is_package = module_name_for(path), path.name == "__init__.py"
    database = extract_database_facts(tree, source, module, is_package) if "contracts" in kinds else None
    extractors = {
        "fallbacks": lambda: extract_fallback_facts(tree, source, module, is_package),
        "database": lambda: extract_database_facts(tree, source, module, is_package),
        "contracts": lambda: extract_contract_facts(tree, source, module, is_package, dict(database.aliases)),
        "complexity": lambda: extract_complexity_facts(tree, source),
    }
    by_extractor = {}
    for name, extract in extractors.items():
        if name not in kinds:
            continue
        before = time.perf_counter()
        extract()
        by_extractor[name] = time.perf_counter() - before
    row = {"path": path.relative_to(root).as_posix(), "bytes": len(data), "lines": source.count("\n"),
           "parse_s": parsed - start, "facts_s": done - parsed, "by_extractor": by_extractor}
    return row, facts


def profile_rules(index: ProjectIndex, root: Path) -> dict[str, float]:
    config = load_config(root)
    selection = Selection.from_config(config)
    timings, findings, later = {}, {}, []
    for rule_class in all_rules():
        rule = rule_class()
        if isinstance(rule, AfterFindingsRule):
            later.append(rule)
            continue
        start = time.perf_counter()
        for finding in rule.check(index, config):
            findings.setdefault(finding.path, []).append(finding)
        timings[rule_class.code] = time.perf_counter() - start
    for rule in later:  # rules about the other findings run last, as in the engine
        start = time.perf_counter()
        for file in index.files:
            for _ in rule.check_findings(file, findings.get(file.path, []), selection):
                pass
        timings[type(rule).code] = time.perf_counter() - start
    return timings


def main(directory: str) -> int:
    gc.disable()  # as the engine does (plexilint.runner.project.analyse_project)
    root = Path(directory).resolve()
    start = time.perf_counter()
    config = load_config(root)
    paths = discover_files(root, config["exclude"])
    kinds = fact_kinds(config)  # as the engine: only the facts the enabled rules read
    discovered = time.perf_counter()
    files, facts = [], []
    for path in paths:
        row, file_facts = profile_file(path, root, kinds)
        files.append(row)
        facts.append(file_facts)
    index_start = time.perf_counter()
    index = ProjectIndex(root, facts, DeclaredFiles(read_project_files(root, declared_project_files())))
    index_built = time.perf_counter()
    rules = profile_rules(index, root)
    print(json.dumps({
        "discovery_s": discovered - start,
        "index_s": index_built - index_start,
        "parse_s": sum(f["parse_s"] for f in files),
        "facts_s": sum(f["facts_s"] for f in files),
        "extractors_s": {name: sum(f["by_extractor"][name] for f in files) for name in files[0]["by_extractor"]},
        "rules_s": rules,
        "files": files,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
