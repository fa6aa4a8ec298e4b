"""Where the one copy of each fallback lives: the configured central fallbacks module, or the one
proposed; which stubs duplicate each other or the central module. The PLX1 rules report against
these answers and `plexilint fix` moves the stubs accordingly."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from plexilint.analysis.fallbacks import StubDefinition
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.policy.layout import central_module_problem, free_central_name

CENTRAL_NAME = "fallbacks"


def _central_module_name(index: ProjectIndex, config: Config) -> str | None:
    """The configured module; unconfigured, the project's one module named ``fallbacks``."""
    configured = config["fallbacks-module"]
    if configured:
        return configured
    named = {f.module for f in index.files if f.module.rsplit(".", 1)[-1] == CENTRAL_NAME}
    return named.pop() if len(named) == 1 else None


def _central_files(index: ProjectIndex, config: Config) -> list[FileFacts]:
    """The central module's files in the project: one module, or a package and its modules."""
    name = central_module_name(index, config)
    if name is None:
        return []
    return [f for f in index.files if f.module == name or f.module.startswith(name + ".")]


def is_central_module(module: str | None, index: ProjectIndex, config: Config) -> bool:
    if not module:
        return False
    configured = config["fallbacks-module"]
    if configured:
        return module == configured or module.startswith(configured + ".")
    return module.rsplit(".", 1)[-1] == CENTRAL_NAME


def _package_of(file: FileFacts) -> list[str]:
    parts = file.module.split(".")
    return parts if file.is_package else parts[:-1]


def _proposed_central_module(index: ProjectIndex, config: Config) -> str:
    """The configured module; else an existing ``*.fallbacks`` module; else
    ``<common package>.utils.fallbacks`` when that ``utils`` package exists, else
    ``<common package>.fallbacks``, the common package being shared by every module that
    holds a duplicated stub."""
    if config["fallbacks-module"]:
        return config["fallbacks-module"]
    existing = central_module_name(index, config)
    if existing is not None and central_files(index, config):
        return existing
    holders = {file.path: file for file, _ in duplicated_stubs(index, config)}
    packages = [_package_of(f) for f in holders.values()] or [[]]
    common: list[str] = []
    for parts in zip(*packages, strict=False):  # the common prefix
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    prefix = ".".join(common)
    utils = f"{prefix}.utils" if prefix else "utils"
    if index.module(utils) is not None and index.by_module[utils].is_package:
        return _free(index, f"{utils}.{CENTRAL_NAME}")
    return _free(index, f"{prefix}.{CENTRAL_NAME}" if prefix else CENTRAL_NAME)


def _free(index: ProjectIndex, proposed: str) -> str:
    """The proposal, or a free name near it when a module or folder stands in its way."""
    if central_module_problem(index.root, index, proposed) is None:
        return proposed
    return free_central_name(index.root, index, proposed) or proposed


def _stub_groups(index: ProjectIndex, config: Config) -> dict[tuple[str, str], list[tuple[FileFacts, StubDefinition]]]:
    """Stub definitions outside the central module, grouped by (kind, shape)."""
    groups: dict[tuple[str, str], list[tuple[FileFacts, StubDefinition]]] = defaultdict(list)
    for file in index.files:
        if is_central_module(file.module, index, config):
            continue
        for stub in file.fallbacks.stubs:
            groups[(stub.kind, stub.shape)].append((file, stub))
    return groups


def duplicated_stubs(index: ProjectIndex, config: Config) -> Iterator[tuple[FileFacts, StubDefinition]]:
    for members in stub_groups(index, config).values():
        if len(members) >= config["min-duplicates"]:
            yield from members


def shadowing_reason(file: FileFacts, stub: StubDefinition, index: ProjectIndex, config: Config) -> str | None:
    """Why a local stub duplicates the central module: ``retained`` (a local copy kept
    beside an import from it), ``same-name`` or ``same-shape``; None when it does not."""
    if is_central_module(file.module, index, config):
        return None
    if stub.retained_from and is_central_module(stub.retained_from, index, config):
        return "retained"
    central = central_files(index, config)
    if any(stub.name in f.fallbacks.defined_names for f in central):
        return "same-name"
    if any(s.kind == stub.kind and s.shape == stub.shape for f in central for s in f.fallbacks.stubs):
        return "same-shape"
    return None


# Every PLX1 rule asks these, many times per project: computed once per analysis.
def central_module_name(index: ProjectIndex, config: Config) -> str | None:
    return index.derived("fallbacks.central-name", config.digest, lambda: _central_module_name(index, config))


def central_files(index: ProjectIndex, config: Config) -> list[FileFacts]:
    return index.derived("fallbacks.central-files", config.digest, lambda: _central_files(index, config))


def proposed_central_module(index: ProjectIndex, config: Config) -> str:
    return index.derived("fallbacks.proposed", config.digest, lambda: _proposed_central_module(index, config))


def stub_groups(index: ProjectIndex, config: Config) -> dict[tuple[str, str], list[tuple[FileFacts, StubDefinition]]]:
    return index.derived("fallbacks.stub-groups", config.digest, lambda: _stub_groups(index, config))
