"""Bundled plug-ins, one file per contract rule."""
