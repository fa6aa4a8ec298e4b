"""Core helpers shared by the sub-packages."""
