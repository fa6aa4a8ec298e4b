"""Compatibility helpers."""
