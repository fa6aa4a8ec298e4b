"""PLX2xx: database access that bypasses the central fallback manager."""
