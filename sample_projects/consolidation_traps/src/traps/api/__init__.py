"""The API layer."""
