"""Benchmarks of plexilint against its peers (DESIGN.md, "Performance"; issue 8).

Run ``python bench/benchmark.py --help``; it writes ``docs/benchmarks.md``.
"""
