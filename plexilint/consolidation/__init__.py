"""Consolidation fixes: safe writes with backups and rollback, and the history of each step."""
