"""What takes the place of the fallback debris the PLX1 rules report: the import of a stub from
the central module, the helper a `name = None` placeholder or a name left unbound by a failed
import gets, the getter of a repeated `__version__` lookup. The rules attach it to their findings
(`Finding.fix`); `plexilint fix` and `plexilint report` read it from there."""

from __future__ import annotations

from plexilint.analysis.fallbacks import ImportFailureGap, NonePlaceholder, StubDefinition, VersionLookup, camel_case
from plexilint.model import PLACEHOLDER, UNBOUND_NAME, VERSION_LOOKUP, Replacement

FALLBACK_CLASS = "get_fallback_class"
FALLBACK_INSTANCE = "get_fallback_instance"
VERSION_GETTER = "get_module_version"


def placeholder_replacement(placeholder: NonePlaceholder) -> tuple[str, str]:
    """The central helper and its argument that replace `name = None`: a class placeholder
    (`SimpleQueue = None`) gets `get_fallback_class`, an instance `get_fallback_instance`."""
    if placeholder.name[:1].isupper():
        return FALLBACK_CLASS, placeholder.name
    return FALLBACK_INSTANCE, placeholder.class_hint or camel_case(placeholder.name)


def gap_fallback_helper(name: str) -> str:
    """The central helper that binds a name a failed import left unbound: a class name gets a
    fallback class, anything else (a function, an instance) an inert callable object."""
    return FALLBACK_CLASS if name[:1].isupper() else FALLBACK_INSTANCE


def stub_import(stub: StubDefinition, central: str) -> Replacement:
    """A local stub goes; the name is imported from the central module."""
    return Replacement(stub.name, stub.kind, stub.span, central, stub.name, f"from {central} import {stub.name}")


def placeholder_fallback(placeholder: NonePlaceholder, central: str) -> Replacement:
    """`name = None` becomes `name = get_fallback_instance("Name")` (or `get_fallback_class`)."""
    helper, argument = placeholder_replacement(placeholder)
    return Replacement(placeholder.name, PLACEHOLDER, placeholder.span, central, helper,
                       f'{placeholder.name} = {helper}("{argument}")', argument)


def version_getter(lookup: VersionLookup, central: str) -> Replacement:
    """`__version__ = <lookup>` becomes `__version__ = get_module_version()`."""
    return Replacement("__version__", VERSION_LOOKUP, lookup.span, central, VERSION_GETTER,
                       f"__version__ = {VERSION_GETTER}()")


def gap_binding(gap: ImportFailureGap, central: str = "") -> Replacement:
    """The `except ImportError:` branch binds the name to a fallback (the import itself stays)."""
    helper = gap_fallback_helper(gap.name)
    return Replacement(gap.name, UNBOUND_NAME, gap.span, central, helper, f'{gap.name} = {helper}("{gap.name}")',
                       gap.name)
