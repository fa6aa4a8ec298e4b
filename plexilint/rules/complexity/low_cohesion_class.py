from __future__ import annotations

from collections.abc import Iterator

from plexilint.analysis.cohesion import lcom4
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding, Measure
from plexilint.rules.base import FileRule


class LowCohesionClass(FileRule):
    """## What it does
    Reports a class whose methods fall into more than `max-lcom4` disconnected groups (LCOM4, the
    connected components of the graph of its methods). Two methods are connected when:
    - they use the same member of `self`: an attribute read or written (`self.x`,
      `getattr(self, "x")`, or through a local bound to `self`, `node = self`), a stored
      callable they call (`self.read()` after `self.read = file.read`), or an inherited method
      they both call (`self.flush()`);
    - one calls the other, or reads it as a property.

    Not nodes of the graph, but followed when called (the caller uses what they use): dunder
    and private `__x` methods (`__init__` sets everything up, so it would connect all) and
    accessors (a method that only returns `self.x` or sets it from a parameter: a value
    object's getters and setters are not separate concerns). A group that touches no
    attribute at all (constant metadata, schemas, abstract stubs, `asdict(self)`, and the
    methods that only call those) is not counted. A method that hands `self` itself around
    (`f(self)`, `getattr(self, name)`) is a node like any other, linked by what it does use:
    a dispatcher is the hub that connects the methods it calls.

    ## Why is this bad?
    Disconnected groups are separate classes sharing a name, like an idempotency manager that
    mixes key validation, storage, locking, cleanup and metrics. Each group changes for its own
    reasons; splitting them makes each testable alone.

    ## Example
    ```python
    class Manager:
        def save(self, key, value):
            self.store[key] = value

        def load(self, key):
            return self.store[key]

        def lock(self, key):
            self.locks.add(key)

        def unlock(self, key):
            self.locks.discard(key)

        def count(self):
            self.metrics.increment()

        def report(self):
            return self.metrics.total
    ```

    Use instead:
    ```python
    class Store:
        def save(self, key, value):
            self.items[key] = value

        def load(self, key):
            return self.items[key]


    class Locks:
        def lock(self, key):
            self.held.add(key)

        def unlock(self, key):
            self.held.discard(key)
    ```

    ## Options
    - `complexity.max-lcom4`

    ## Fix
    No automatic fix. Each group of methods the message lists is a candidate class: move it out
    with the attributes it uses, and let the original class delegate to it.

    To keep it, put `# noqa: PLX405` on the `class` line, on a decorator line, or on a comment
    line of its own right above the class: it covers that class only (pylint:
    `# pylint: disable=low-cohesion-class`).
    """

    code = "PLX405"
    symbol = "low-cohesion-class"
    category = "R"
    summary = "Class whose methods form disconnected groups (LCOM4)"
    reads = frozenset({"complexity"})
    options = ("complexity.max-lcom4",)

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        limit = config["complexity.max-lcom4"]
        for cls in file.complexity.classes:
            groups = lcom4(cls.method_links, cls.accessors)
            if len(groups) > limit:  # like every `max-*` limit: reported above it
                shown = "; ".join(", ".join(g[:3]) + (", ..." if len(g) > 3 else "") for g in groups[:4])
                if len(groups) > 4:  # the count says how many; the list must not look complete
                    shown += f"; and {len(groups) - 4} more"
                yield self.finding(
                    file, cls.span,
                    f"`{cls.qualname}` has {len(groups)} unrelated groups of methods, limit {limit} ({shown}): split "
                    "it into one class per group",
                    key=cls.qualname, noqa_lines=cls.noqa_lines,
                    measures=[Measure("groups of methods", len(groups))],
                )
