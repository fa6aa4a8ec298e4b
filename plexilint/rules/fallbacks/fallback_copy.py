from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from plexilint.analysis.fallbacks.facts import DefinitionSummary, ImportFallbackCopy
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Related
from plexilint.policy.central import is_central_module, shadowing_reason, stub_groups
from plexilint.rules.base import Rule

_DefinitionsByName = dict[str, list[tuple[FileFacts, DefinitionSummary]]]


class FallbackCopy(Rule):
    """## What it does
    Finds second, simplified implementations of names the project already defines:

    - a package `__init__.py` that *defines* a class or function that one of the package's own
      submodules also defines, instead of importing it: same kind, the same bases (or fewer),
      and the `__init__` copy has a subset of the real one's members or is much smaller
      (at most half its lines), while the `__init__` does not import that submodule;
    - a definition, in an `except ImportError:` branch, of a name the `try` imported from the
      project itself (`try: from .handlers import a_handler` / `except ImportError:
      async def a_handler(...)`), whatever its body.

    A package copy must come with evidence that it is a fallback: the module says so (a
    comment, its docstring or a log message mentioning fallbacks), the copy is marked as a
    redefinition (`# type: ignore[no-redef]`), or the module copies three names or more.
    Functions that call a same-named function (wrappers such as
    `def gettext(m): return _trans.gettext(m)`), dunder names (`__getattr__`) and the central
    fallbacks module itself are left out. PLX101 leaves both sides of such a copy to this
    rule; an `except ImportError:` copy that PLX101 or PLX102 reports is not reported again.

    ## Why is this bad?
    The copy runs only when the project's own module is broken or was never imported, so tests
    never exercise it; it silently drifts from the real implementation, and callers get a
    different behaviour depending on which module they imported the name from. A failing
    first-party import is a bug to see, not a condition to degrade from.

    ## Example
    ```python
    # myapp/errors/exceptions.py
    class APIError(Exception):
        def __init__(self, message="Error", status_code=500, details=None):
            super().__init__(message)
            self.message = message
            self.status_code = status_code
            self.details = details or {}

        def to_dict(self):
            return {"error": self.message, "details": self.details}

    # myapp/errors/__init__.py
    # Fallback error components, used when the full modules are unavailable
    class APIError(Exception):  # type: ignore[no-redef]
        def __init__(self, message="Error", status_code=500, details=None):
            super().__init__(message)
            self.status_code = status_code
    ```

    Use instead:
    ```python
    # myapp/errors/exceptions.py
    class APIError(Exception):
        def __init__(self, message="Error", status_code=500, details=None):
            super().__init__(message)
            self.message = message
            self.status_code = status_code
            self.details = details or {}

        def to_dict(self):
            return {"error": self.message, "details": self.details}

    # myapp/errors/__init__.py
    from myapp.errors.exceptions import APIError
    ```

    ## Options
    - `fallbacks-module`
    - `fallbacks-in-tests`

    ## Fix
    No automatic fix: which of the two implementations is right is for a human to decide.
    Keep the real one, delete the copy and import the name from the module that defines it;
    if the import can really fail (an optional dependency of that module), put one fallback
    in the central fallbacks module and import it from there in the `except ImportError:`
    branch.

    To keep a copy, end its `class` or `def` line with `# noqa: PLX107` (pylint:
    `# pylint: disable=fallback-copy`).
    """

    code = "PLX107"
    symbol = "fallback-copy"
    category = "R"
    summary = "Second, simplified implementation of a name the project already defines"
    reads = frozenset({"fallbacks"})
    options = ("fallbacks-module", "fallbacks-in-tests")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        reported = _reported_stubs(index, config)
        for file in index.files:
            if is_central_module(file.module, index, config):
                continue
            for copy in file.fallbacks.import_copies:
                if (file.path, copy.span.line) not in reported and _imported_from_project(file, copy):
                    yield self._import_copy_finding(file, copy, index)
        for sibling in sibling_copies(index, config):
            yield self._sibling_copy_finding(*sibling)

    def _import_copy_finding(self, file: FileFacts, copy: ImportFallbackCopy, index: ProjectIndex) -> Finding:
        source = index.module(copy.module)
        related = [Related(source.relpath, d.span.line) for d in source.fallbacks.definitions
                   if d.name == copy.name] if source else []
        return self.finding(
            file,
            copy.span,
            f"`{copy.name}` is defined again in case importing it from `{copy.module}` fails: a second "
            f"implementation that only runs when the project's own module is broken; import it "
            f"unconditionally, or take the fallback from the central fallbacks module",
            key=f"import:{copy.module}:{copy.name}",
            related=related,
        )

    def _sibling_copy_finding(self, file: FileFacts, copy: DefinitionSummary, original_file: FileFacts,
                              original: DefinitionSummary, why: str) -> Finding:
        return self.finding(
            file,
            copy.span,
            f"`{copy.name}` is a simplified copy of `{original_file.module}.{copy.name}` ({why}): "
            f"import it from `{original_file.module}` instead of defining it again",
            key=f"sibling:{original_file.module}:{copy.name}",
            related=[Related(original_file.relpath, original.span.line)],
        )


def _reported_stubs(index: ProjectIndex, config: Config) -> set[tuple[str, int]]:
    """(path, line) of the stubs PLX101 or PLX102 report: those need no second finding."""
    reported = set()
    pairs = sibling_copy_lines(index, config)
    for members in stub_groups(index, config).values():
        for file, stub in members:
            if (file.path, stub.span.line) in pairs:
                continue
            if len(members) >= config["min-duplicates"] or shadowing_reason(file, stub, index, config):
                reported.add((file.path, stub.span.line))
    return reported


# (package file, its copy, the submodule file, the original, how it is a copy)
SiblingCopy = tuple[FileFacts, DefinitionSummary, FileFacts, DefinitionSummary, str]


def _copies_in_package(file: FileFacts, definitions: _DefinitionsByName, index: ProjectIndex) -> list[SiblingCopy]:
    copied_lines = {copy.span.line for copy in file.fallbacks.import_copies}
    copies = []
    for copy in file.fallbacks.definitions:
        if copy.span.line in copied_lines or copy.name.startswith("__") or copy.delegates:
            continue
        original = _original_in_submodule(file, copy, definitions.get(copy.name, []), index)
        if original is not None:
            copies.append((file, copy, *original))
    return copies


def _sibling_copies(index: ProjectIndex, config: Config) -> list[SiblingCopy]:
    definitions: _DefinitionsByName | None = None
    found: list[SiblingCopy] = []
    for file in index.files:
        if not file.is_package or not file.fallbacks.definitions or is_central_module(file.module, index, config):
            continue
        definitions = definitions if definitions is not None else _definitions_by_name(index)
        copies = _copies_in_package(file, definitions, index)
        # Evidence that they are fallbacks, not a coincidence of names: the module says it
        # holds fallbacks, a copy is marked as a redefinition, or there are several.
        if file.fallbacks.markers or len(copies) >= _SEVERAL or any(c[1].marked for c in copies):
            found.extend(copies)
    return found


def sibling_copies(index: ProjectIndex, config: Config) -> list[SiblingCopy]:
    """Package ``__init__`` definitions that copy a submodule's, computed once per analysis."""
    return index.derived("fallbacks.sibling-copies", config.digest, lambda: _sibling_copies(index, config))


def sibling_copy_lines(index: ProjectIndex, config: Config) -> set[tuple[str, int]]:
    """(path, line) of both sides of every sibling copy: PLX101 leaves them to this rule."""
    return index.derived("fallbacks.sibling-copy-lines", config.digest, lambda: {
        place for package, copy, file, original, _ in sibling_copies(index, config)
        for place in ((package.path, copy.span.line), (file.path, original.span.line))})


def _imported_from_project(file: FileFacts, copy: ImportFallbackCopy) -> bool:
    """From another module of the file's own (top-level) package."""
    in_package = file.is_package or "." in file.module
    same_package = copy.module.split(".")[0] == file.module.split(".")[0]
    return in_package and same_package and copy.module != file.module


def _definitions_by_name(index: ProjectIndex) -> _DefinitionsByName:
    found: _DefinitionsByName = defaultdict(list)
    for file in index.files:
        for definition in file.fallbacks.definitions:
            if not definition.guarded:  # a real definition, not a stand-in of its own
                found[definition.name].append((file, definition))
    return found


_SEVERAL = 3


def _imports_module(file: FileFacts, module: str) -> bool:
    """``file`` imports ``module`` or something from it."""
    return any(i == module or i.startswith(module + ".") for i in file.fallbacks.imported)


def _imports_package(file: FileFacts, package: str, index: ProjectIndex) -> bool:
    """``file`` imports ``package`` itself, or a name from it (not one of its submodules)."""
    for imported in file.fallbacks.imported:
        if imported == package:
            return True
        if imported.startswith(package + "."):
            first = imported[len(package) + 1:].split(".")[0]
            if index.module(f"{package}.{first}") is None:
                return True
    return False


def _why_a_copy(copy: DefinitionSummary, original: DefinitionSummary) -> str | None:
    """How ``copy`` is a simplified ``original``, or None when it is not one."""
    if copy.kind != original.kind or not set(copy.bases) <= set(original.bases) | {"object"}:
        return None
    what = "members" if copy.kind == "class" else "parameters"
    missing = set(copy.members) - set(original.members)
    if not missing and copy.size <= original.size:
        fewer = len(set(original.members) - set(copy.members))
        if fewer:
            return f"{fewer} {what if fewer > 1 else what[:-1]} fewer"
        if copy.size < original.size:
            return f"the same {what} in {copy.size} of its {original.size} lines"
        return f"the same {what}"
    if copy.size * 2 <= original.size:
        return f"{copy.size} of its {original.size} lines"
    return None


def _original_in_submodule(package: FileFacts, copy: DefinitionSummary,
                           candidates: list[tuple[FileFacts, DefinitionSummary]], index: ProjectIndex
                           ) -> tuple[FileFacts, DefinitionSummary, str] | None:
    """The definition of the same name in a submodule of ``package`` that ``copy`` copies;
    neither may import the other (a submodule building on its package extends it)."""
    prefix = package.module + "."
    for file, original in candidates:
        if file is package or not file.module.startswith(prefix):
            continue
        if _imports_module(package, file.module) or _imports_package(file, package.module, index):
            continue
        why = _why_a_copy(copy, original)
        if why is not None:
            return file, original, why
    return None
