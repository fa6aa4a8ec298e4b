"""Small utilities with no dependency on the rest of the package."""
