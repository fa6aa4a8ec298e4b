from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Related
from plexilint.policy.central import proposed_central_module, shadowing_reason, stub_groups
from plexilint.policy.replacements import stub_import
from plexilint.rules.base import Rule, describe_places
from plexilint.rules.fallbacks.fallback_copy import sibling_copy_lines


class DuplicatedFallbackStub(Rule):
    """## What it does
    Finds fallback stubs that have the same *shape* in several places: definitions that
    differ only in names and literal values (docstrings, annotations and layout aside).

    Shapes that are stubs wherever they are:

    - classes whose methods only `pass` (or return an empty value);
    - kwargs-bag classes (`def __init__(self, **kwargs): self.__dict__.update(kwargs)`);
    - constant-holder "enums": plain classes of two or more string or integer attributes;
    - no-op functions accepting anything (`*args, **kwargs`) whose body is `pass`, `...`, or
      returns `None`, `[]`, `{}`, `()`, `False`, `0` or `""`;
    - identity decorator factories (`def cached(*args, **kwargs)` returning a nested
      `def decorator(func): return func`);
    - handler functions that ignore their parameters and return a literal dict;
    - accessors of a stub instance (`def get_event_manager(): return _stub_manager`, where
      `_stub_manager = EventManager()` and `EventManager` is a stub).

    Shapes that are ordinary code elsewhere, and stubs only in a *fallback context*: an
    `except ImportError:` branch, an `if`/`else` branch whose other branch imports, a
    definition marked `# type: ignore[no-redef]`, or a module that says it holds fallbacks (a
    comment line starting at column 0, its docstring, or a log call directly in the module
    mentioning "fallback"; indented comments and log calls speak for their own block):

    - bare classes (`class EventManager: pass`), which are often sentinels;
    - `Enum` constant holders, no-op functions with a precise signature, identity functions;
    - families of exception classes that differ only in their default message and status code
      (`def __init__(self, message="Rate limit exceeded", **kwargs):
      super().__init__(message, status_code=429, **kwargs)`);
    - accessors of an instance of a local class, and helpers that only read the module's stubs
      (`def get_error_code(error): return ErrorCode(error)`).

    Copies must agree on more than their shape: constant holders on their members' names and
    value kinds (an `Enum` also on its own name), classes of do-nothing methods on their method
    names, handlers on the keys of the dict they return, and no-op or identity functions with a
    precise signature on what they stand in for (the imported name, else their own). Private
    classes of do-nothing methods outside a fallback context (`class _C: def _m(self): pass`,
    used to get a type) are helpers, not stubs. Test code (`tests/`, `test/`, `*_test/`,
    `conftest.py`, `test_*.py`, `*_test.py`) is left out unless `fallbacks-in-tests` is set.

    Each copy is reported, with the number of others, where they are, and the module where
    the one copy should live. Only module-level definitions are considered (including those in
    module-level `if`/`try` branches). The central fallbacks module itself is never reported.

    Intentional stubs are not fallbacks and are never reported: abstract methods, `Protocol` and
    `ABC` bodies, `@overload` signatures, decorated definitions, `.pyi` files, `if TYPE_CHECKING:`
    blocks, and one-off exception classes such as `class ConfigError(Exception): pass`.

    ## Why is this bad?
    Copies drift. When fifteen `__init__.py` files each carry their own `EventManager`
    placeholder, a fix to one never reaches the others, each copy costs review time, and
    behaviour differs depending on which module a caller imported from. One central fallbacks
    module gives one place to change and one behaviour.

    ## Example
    ```python
    # myapp/events/__init__.py
    class EventManager:
        def __init__(self):
            pass

    # myapp/files/__init__.py
    class FileManager:
        def __init__(self):
            pass
    ```

    Use instead:
    ```python
    # myapp/utils/fallbacks.py holds the one definition of each stub, then:
    from myapp.utils.fallbacks import EventManager, FileManager
    ```

    ## Options
    - `fallbacks-module`
    - `min-duplicates`
    - `fallbacks-in-tests`

    ## Fix
    `plexilint fix` rewrites it (it prints a diff; `--apply` writes it, with backups, and
    `plexilint rollback` undoes it; details in docs/fixing.md). Each copy is removed and one
    definition of it moves to the central fallbacks module (created when missing), which the
    modules then import; a copy inside an `except ImportError:` or `if` branch becomes the
    import inside that branch, so the fallback stays conditional.

    Left for a human, and listed as conflicts by `plexilint report`: copies with the same name
    but different bodies, and stubs that use something of the package that cannot move with
    them. Merge those bodies, or move what they need, then run the fix again.

    To keep a copy, put `# noqa: PLX101` on its `class` or `def` line (pylint:
    `# pylint: disable=duplicated-fallback-stub`): the fix leaves it alone, and it still counts
    as a copy for the others.
    """

    code = "PLX101"
    symbol = "duplicated-fallback-stub"
    category = "R"
    summary = "Fallback stub duplicated across modules"
    reads = frozenset({"fallbacks"})
    options = ("fallbacks-module", "min-duplicates", "fallbacks-in-tests")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        groups = stub_groups(index, config)
        if not any(len(m) >= config["min-duplicates"] for m in groups.values()):
            return
        central = proposed_central_module(index, config)
        for members in groups.values():
            if len(members) < config["min-duplicates"]:
                continue
            places = [Related(file.relpath, stub.span.line) for file, stub in members]
            modules = len({file.path for file, _ in members})
            for position, (file, stub) in enumerate(members):
                if shadowing_reason(file, stub, index, config) is not None:
                    continue  # PLX102 reports it, more precisely
                if (file.path, stub.span.line) in sibling_copy_lines(index, config):
                    continue  # a package's copy of its submodule's name (or that name): PLX107
                others = places[:position] + places[position + 1:]
                where = _where(len([p for p in others if p.path == file.relpath]), modules - 1)
                yield self.finding(
                    file,
                    stub.span,
                    f"Fallback stub `{stub.name}` ({stub.kind}) has the same shape as "
                    f"{len(others)} other definition{'s' if len(others) != 1 else ''} in {where} "
                    f"({describe_places(others)}): define it once in `{central}` and import it "
                    "from there",
                    key=f"{stub.kind}:{stub.name}:{stub.shape}",
                    related=others,
                    fix=stub_import(stub, central),
                )


def _where(in_this_module: int, other_modules: int) -> str:
    """`this module`, `2 other modules`, or `this module and 2 other modules`."""
    elsewhere = f"{other_modules} other module{'s' if other_modules > 1 else ''}"
    if not other_modules:
        return "this module"
    return f"this module and {elsewhere}" if in_this_module else elsewhere
