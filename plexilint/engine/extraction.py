"""Facts for a project's files: from a session's memo, else the on-disk cache, else
extracted (in worker processes when there is enough to extract)."""

from __future__ import annotations

from plexilint.engine.work_progress import PROGRESS
from plexilint.engine.cache import FactsCache
from plexilint.engine.facts import FileFacts, extract_facts
from plexilint.engine.parallel import Task, extract_in_pool, worth_a_pool
from plexilint.engine.sources import SourceFile

MemoKey = tuple[str, str, str, frozenset[str]]  # (path, module, content digest, fact kinds)


class FactsMemo:
    """Facts already computed, by file content: a file whose bytes did not change is never
    re-analysed for the same kinds of facts while the memo lives (flake8 and pylint ask once
    per file; an editor asks at every change). Owned by a session (plexilint/runner/session.py)."""

    def __init__(self) -> None:
        self._facts: dict[MemoKey, FileFacts] = {}
        # (path, fact kinds) -> memo key of that file's latest editor buffer: a buffer changes at
        # every keystroke, and a long-running language server must not keep the facts of every version.
        self._latest_buffer: dict[tuple[str, frozenset[str]], MemoKey] = {}

    def __len__(self) -> int:
        return len(self._facts)

    def get(self, source: SourceFile, kinds: frozenset[str]) -> FileFacts | None:
        return self._facts.get((source.posix, source.module, source.digest, kinds))

    def remember(self, source: SourceFile, kinds: frozenset[str], facts: FileFacts) -> None:
        key = (source.posix, source.module, source.digest, kinds)
        self._facts[key] = facts
        if source.from_buffer:
            previous = self._latest_buffer.get((source.posix, kinds))
            if previous is not None and previous != key:
                self._facts.pop(previous, None)
            self._latest_buffer[(source.posix, kinds)] = key


def facts_for_sources(sources: list[SourceFile], kinds: frozenset[str], cache: FactsCache | None = None,
                      jobs: int = 1, release_data: bool = False, memo: FactsMemo | None = None) -> list[FileFacts]:
    """The facts of each source, from the ``memo``, the cache or extraction (and then kept in
    the memo). ``release_data``: drop each source's bytes once its facts exist (a one-shot run
    that keeps no source for later; the language server keeps its sources and must not)."""
    memo = FactsMemo() if memo is None else memo
    found: dict[str, FileFacts] = {}
    missing: list[SourceFile] = []
    for source in sources:
        facts = _known_facts(source, kinds, cache, memo)
        if facts is None:
            missing.append(source)
        else:
            found[source.posix] = facts
    PROGRESS.started(len(missing))
    for source, facts in zip(missing, _extract(missing, kinds, cache, jobs, release_data)):
        memo.remember(source, kinds, facts)
        found[source.posix] = facts
    return [found[source.posix] for source in sources]


def _known_facts(source: SourceFile, kinds: frozenset[str], cache: FactsCache | None,
                 memo: FactsMemo) -> FileFacts | None:
    if source.data is None:
        return source.unreadable_facts()
    facts = memo.get(source, kinds)
    if facts is None and cache is not None and not source.from_buffer:
        facts = cache.load_facts(source.posix, source.module, source.digest, kinds)
        if facts is not None:
            memo.remember(source, kinds, facts)
    return facts


def _extract(sources: list[SourceFile], kinds: frozenset[str], cache: FactsCache | None,
             jobs: int, release_data: bool) -> list[FileFacts]:
    # Editors' buffers are analysed here and never stored: the cache mirrors the disk.
    tasks: list[Task] = [(s.posix, s.relpath, s.module, s.digest, s.data) for s in sources
                         if not s.from_buffer and s.data is not None]
    pooled_facts = extract_in_pool(tasks, kinds, jobs, cache) if worth_a_pool(tasks, jobs) else None
    pooled = dict(zip((task[0] for task in tasks), pooled_facts or []))
    del tasks
    results = []
    try:
        for source in sources:
            facts = pooled.get(source.posix)
            if facts is None:
                assert source.data is not None
                facts = extract_facts(source.path, source.relpath, source.data, kinds=kinds, module=source.module)
                if cache is not None and not source.from_buffer:
                    cache.store_facts(source.posix, source.module, source.digest, kinds, facts)
                PROGRESS.advanced()
            if release_data:
                # The bytes are not read again once the facts exist (the project's files are read
                # afresh when asked again), and the whole source is the largest thing a big run holds.
                source.data = None
            results.append(facts)
    finally:
        if cache is not None:
            cache.flush()
    return results
