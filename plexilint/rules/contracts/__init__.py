"""PLX3xx: classes that break their module contract (`[[tool.plexilint.contracts]]`)."""

from plexilint.rules.contracts import (  # noqa: F401  (registration)
    capability_unknown,
    config_schema_invalid,
    init_without_super,
    lifecycle_error_handling,
    metadata_incomplete,
    method_kind_mismatch,
    method_signature_mismatch,
    method_undocumented,
    permission_undeclared,
    permission_unused,
    required_method_missing,
)
