"""Facts for the duplicated-fallback family (PLX1xx), read from one module's AST.

Only module-level code is looked at (including the branches of module-level ``if`` and
``try`` statements, where fallbacks usually live); ``if TYPE_CHECKING:`` bodies are skipped.
"""

from plexilint.analysis.fallbacks.derived import camel_case, snake_case
from plexilint.analysis.fallbacks.extractor import extract_fallback_facts
from plexilint.analysis.fallbacks.facts import (
    CONSTANT_HOLDER,
    EMPTY_CLASS,
    EXCEPTION_FAMILY,
    IDENTITY_DECORATOR,
    KWARGS_BAG_CLASS,
    LITERAL_HANDLER,
    NO_OP_FUNCTION,
    FallbackFacts,
    ImportFailureGap,
    ModuleImport,
    NonePlaceholder,
    StubDefinition,
    VersionLookup,
)
from plexilint.analysis.fallbacks.scopes import module_global_uses

# Other analyses imported these from here before they moved to `plexilint.analysis.nodes`.
from plexilint.analysis.nodes import LOG_METHODS, dotted_name, name_span, span_of

__all__ = [
    "CONSTANT_HOLDER", "EMPTY_CLASS", "EXCEPTION_FAMILY", "IDENTITY_DECORATOR", "KWARGS_BAG_CLASS",
    "LITERAL_HANDLER", "LOG_METHODS", "NO_OP_FUNCTION", "FallbackFacts", "ImportFailureGap", "ModuleImport",
    "NonePlaceholder", "StubDefinition", "VersionLookup", "camel_case", "dotted_name",
    "extract_fallback_facts", "module_global_uses", "name_span", "snake_case", "span_of",
]
