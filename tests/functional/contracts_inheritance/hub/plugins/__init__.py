"""Plug-ins built on the framework in several ways."""
