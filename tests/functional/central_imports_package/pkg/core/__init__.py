"""Core services."""
