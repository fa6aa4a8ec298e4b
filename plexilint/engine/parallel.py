"""Fact extraction in worker processes (``--jobs``). Rules stay in the main process: they need
the whole project index, and the findings are then the same whatever the number of jobs.

Spawn-safe (macOS, Windows, Python 3.14's forkserver): the workers run a module-level function on
plain arguments. Files travel in chunks of about equal size, several per worker, so one large
file does not leave the other workers idle and pickling overhead stays per chunk, not per file.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING

from plexilint.engine.work_progress import PROGRESS
from plexilint.engine.cache import FactsCache
from plexilint.engine.cache_store import dump_entry, trusted_payload
from plexilint.engine.facts import FileFacts, extract_facts

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this much source to analyse, starting workers costs more than it saves.
POOL_MIN_BYTES = 256 * 1024
# Files of the same size can take twice as long as each other to analyse: with 4 chunks per
# worker, one worker often waited 0.4 to 1 s for the other's last chunk (the standard library
# on a busy machine); with 12 it waits about 0.1 s, and a chunk costs about 1 ms of CPU.
CHUNKS_PER_WORKER = 12

# (absolute path, relative path, module, content hash, bytes)
Task = tuple[str, str, str, str, bytes]


def resolve_jobs(value: str) -> int:
    """``auto`` (one per CPU this process may run on) or a positive number; raises ValueError
    otherwise."""
    if value == "auto":
        # The CPUs this process may use (taskset, container limits), where the platform says.
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"expected a positive integer or 'auto', got {value!r}")
    return int(value)


def worth_a_pool(tasks: list[Task], jobs: int) -> bool:
    return jobs > 1 and len(tasks) > 1 and sum(len(task[4]) for task in tasks) >= POOL_MIN_BYTES


def extract_in_pool(tasks: list[Task], kinds: frozenset[str], jobs: int, cache: FactsCache | None,
                    context: BaseContext | None = None) -> list[FileFacts] | None:
    """The facts of every task, in the order of ``tasks``, added to the ``cache``'s pack as they
    arrive (the caller's `FactsCache.flush` writes it). None when the workers could not be
    started or died (the caller then extracts in its own process)."""
    # Imported only when a pool is needed: 13 ms, a tenth of a cached run.
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    chunks = _chunks(tasks, jobs * CHUNKS_PER_WORKER)
    workers = min(jobs, len(chunks))
    by_path: dict[str, FileFacts] = {}
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=gc.disable) as pool:
            pending = {pool.submit(_extract_chunk, chunk, kinds, cache is not None): chunk for chunk in chunks}
            # Each chunk is loaded as soon as it arrives, while the workers extract the next
            # ones: only the last chunk's loading is left once they are done.
            for future in as_completed(pending):
                chunk_facts = future.result()
                chunk = pending.pop(future)
                for (path, _, module, digest, _), facts in zip(chunk, chunk_facts):
                    if isinstance(facts, bytes):
                        if cache is not None:
                            cache.store_entry(path, module, digest, kinds, facts)
                        facts = trusted_payload(facts)
                    by_path[path] = facts
                PROGRESS.advanced(len(chunk))
    except (OSError, BrokenProcessPool):
        return None
    return [by_path[task[0]] for task in tasks]


def _chunks(tasks: list[Task], count: int) -> list[list[Task]]:
    """About ``count`` chunks of about equal bytes; the largest files first, so the last
    chunks to finish are small ones."""
    ordered = sorted(tasks, key=lambda task: len(task[4]), reverse=True)
    target = max(sum(len(task[4]) for task in tasks) // count, 1)
    chunks: list[list[Task]] = [[]]
    size = 0
    for task in ordered:
        if size >= target:
            chunks.append([])
            size = 0
        chunks[-1].append(task)
        size += len(task[4])
    return chunks


def _extract_chunk(chunk: list[Task], kinds: frozenset[str], keyed: bool) -> list[FileFacts | bytes]:
    """The chunk's facts, pickled as cache entries (``keyed``: with the key the cache stores
    them under), which the main process adds to its cache as they are: pickling them a second
    time for the cache would cost as much again. The same pickling costs a third of what
    multiprocessing's own pickling of the facts would, and loads in half the time."""
    results: list[FileFacts | bytes] = []
    for path, relpath, module, digest, data in chunk:
        facts = extract_facts(Path(path), relpath, data, kinds=kinds, module=module)
        entry = dump_entry(FactsCache.facts_key(path, module, digest, kinds) if keyed else (), facts)
        results.append(entry if entry is not None else facts)
    return results
