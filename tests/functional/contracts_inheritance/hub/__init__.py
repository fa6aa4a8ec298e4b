"""A plug-in host (plexilint functional case: contracts through inheritance)."""
