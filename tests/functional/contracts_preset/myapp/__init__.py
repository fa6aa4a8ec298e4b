"""A chat server with plug-in modules (plexilint functional case: the plexichat-module preset)."""
