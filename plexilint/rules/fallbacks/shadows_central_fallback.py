from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Related
from plexilint.policy.central import central_files, proposed_central_module, shadowing_reason
from plexilint.policy.replacements import stub_import
from plexilint.rules.base import Rule


class ShadowsCentralFallback(Rule):
    """## What it does
    Finds local fallback stubs that the central fallbacks module already provides:

    - a local definition with the same name as one in the central module, or with the same
      shape as one of its stubs;
    - a *retained local copy*: `try: from <central> import X` / `except ImportError:` followed
      by a local `X`, or `if USE_SHARED_FALLBACKS: from <central> import X` / `else:` a local `X`.

    ## Why is this bad?
    A local copy shadows the central definition and keeps the duplication the consolidation was
    meant to remove. Retained copies are worse: they only run when the central import fails,
    so they are never exercised by tests and silently diverge. The central module imports
    nothing from the package it serves, so importing it unconditionally is safe.

    ## Example
    ```python
    try:
        from myapp.utils.fallbacks import TaskScheduler
    except ImportError:
        class TaskScheduler:
            def __init__(self):
                pass
    ```

    Use instead:
    ```python
    from myapp.utils.fallbacks import TaskScheduler
    ```

    ## Options
    - `fallbacks-module`

    ## Fix
    `plexilint fix` rewrites it (it prints a diff; `--apply` writes it, with backups, and
    `plexilint rollback` undoes it; details in docs/fixing.md). The local copy is removed and
    the name imported from the central fallbacks module; a `try: from <central> import X` whose
    `except ImportError:` held nothing but the copies becomes the plain import.

    A local definition (a retained copy too) that is not equivalent to the central one (another
    kind, `async` or not, other bases, members, signature or body), or whose name the central
    module binds to something else, is left in place and listed as a conflict by
    `plexilint report`: decide which body is right, update the central module if needed, then
    delete the copy.

    To keep it, end the reported line with `# noqa: PLX102` (pylint:
    `# pylint: disable=shadows-central-fallback`).
    """

    code = "PLX102"
    symbol = "shadows-central-fallback"
    category = "R"
    summary = "Local stub duplicates the central fallbacks module"
    reads = frozenset({"fallbacks"})
    options = ("fallbacks-module",)

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        central_name = proposed_central_module(index, config)
        central_stubs = {s.name: Related(f.relpath, s.span.line)
                         for f in reversed(central_files(index, config)) for s in f.fallbacks.stubs}
        for file in index.files:
            for stub in file.fallbacks.stubs:
                reason = shadowing_reason(file, stub, index, config)
                if reason is None:
                    continue
                related = [central_stubs[stub.name]] if stub.name in central_stubs else []
                if reason == "retained":
                    message = (
                        f"`{stub.name}` is a local copy kept in case `{stub.retained_from}` fails to "
                        f"import: delete it and import `{stub.name}` from `{stub.retained_from}` "
                        "unconditionally"
                    )
                elif reason == "same-name":
                    message = (
                        f"`{stub.name}` redefines a name the central fallbacks module "
                        f"`{central_name}` provides: delete it and import it from there"
                    )
                else:
                    message = (
                        f"`{stub.name}` ({stub.kind}) repeats the body of a stub in the central "
                        f"fallbacks module `{central_name}`: move it there and import it"
                    )
                yield self.finding(file, stub.span, message, key=f"{reason}:{stub.name}", related=related,
                                   fix=stub_import(stub, central_name))
