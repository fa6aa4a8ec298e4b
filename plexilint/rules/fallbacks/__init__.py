"""PLX1xx: duplicated fallback stubs that belong in one central fallbacks module."""

from plexilint.rules.fallbacks import (  # noqa: F401  (registration)
    central_imports_package,
    duplicated_fallback_stub,
    duplicated_version_lookup,
    fallback_copy,
    placeholder_instance,
    shadows_central_fallback,
    undefined_on_import_failure,
)
