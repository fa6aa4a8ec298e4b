"""Checks plexilint's radon-equivalent walk against radon itself on every file of a corpus.

    python bench/verify_radon.py DIR

Compares, per file: radon's total cyclomatic complexity, each function's complexity and the
Halstead volume (which the maintainability index uses), and prints the time of each. radon does
not report methods of classes defined inside functions; plexilint does, so those are skipped.
"""

import ast
import sys
import time
from pathlib import Path

from radon.metrics import h_visit_ast
from radon.visitors import ComplexityVisitor

from plexilint.analysis.metrics_walk import radon_metrics


def _radon_functions(visitor: ComplexityVisitor) -> dict[tuple[int, str], int]:
    found: dict[tuple[int, str], int] = {}

    def function(block) -> None:
        found[(block.lineno, block.name)] = block.complexity
        for closure in block.closures:
            function(closure)

    def klass(block) -> None:
        for method in block.methods:
            function(method)
        for inner in block.inner_classes:
            klass(inner)

    for block in visitor.functions:
        function(block)
    for block in visitor.classes:
        klass(block)
    return found


def main(directory: str) -> int:
    files = mismatches = 0
    radon_time = our_time = 0.0
    for path in sorted(Path(directory).rglob("*.py")):
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            continue
        files += 1
        start = time.perf_counter()
        try:
            visitor = ComplexityVisitor.from_ast(tree)
            volume = h_visit_ast(tree).total.volume
        except RecursionError:
            print(path, "radon itself fails (recursion too deep): skipped")
            continue
        radon_time += time.perf_counter() - start
        start = time.perf_counter()
        ours = radon_metrics(tree)
        our_time += time.perf_counter() - start
        expected = _radon_functions(visitor)
        problems = []
        if ours.total_complexity != visitor.total_complexity:
            problems.append(f"total {visitor.total_complexity} != {ours.total_complexity}")
        if abs(ours.halstead_volume - volume) > 1e-6 * max(1.0, volume):
            problems.append(f"volume {volume} != {ours.halstead_volume}")
        problems += [f"{name}:{line} {cc} != {ours.functions.get((line, name))}"
                     for (line, name), cc in expected.items() if ours.functions.get((line, name)) != cc]
        if problems:
            mismatches += 1
            print(path, "; ".join(problems[:3]))
    print(f"{files} files, {mismatches} with a difference; radon {radon_time:.2f} s, plexilint {our_time:.2f} s")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
