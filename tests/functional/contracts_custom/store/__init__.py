"""Key-value storage with pluggable backends (plexilint functional case: custom contracts)."""
