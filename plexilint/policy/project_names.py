"""Where a dotted name really lives: follows re-exports across the project
(`from .factories import get_fallback_manager` in a package `__init__`). Shared by every
family that resolves names, built once per analysis."""

from __future__ import annotations

from collections.abc import Container

from plexilint.engine.index import ProjectIndex


class ProjectNames:
    def __init__(self, index: ProjectIndex) -> None:
        self.aliases: dict[str, str] = {}
        for file in index.files:
            # The database facts keep each module's import table (module-level imports).
            for local, origin in file.database.aliases:
                qualified = f"{file.module}.{local}"
                if origin != qualified:
                    self.aliases.setdefault(qualified, origin)

    def canonical(self, dotted: str, known: Container[str]) -> str:
        """Follows aliases (also through a prefix: `pkg.Class.method`) until `known` has the
        name or nothing more can be followed."""
        for _ in range(20):  # re-export chains are short; this also stops on cycles
            if dotted in known:
                return dotted
            parts = dotted.split(".")
            for cut in range(len(parts), 0, -1):
                prefix = ".".join(parts[:cut])
                if prefix in self.aliases:
                    dotted = ".".join([self.aliases[prefix], *parts[cut:]])
                    break
            else:
                return dotted
        return dotted


def project_names(index: ProjectIndex) -> ProjectNames:
    return index.derived("names", "", lambda: ProjectNames(index))
