"""PLX2xx: database access that bypasses the central fallback manager."""

from plexilint.rules.database import (  # noqa: F401  (registration)
    database_import,
    direct_database_access,
    local_database_fallback,
    manager_without_fallback,
    mock_response_on_failure,
    swallowed_outage,
)
