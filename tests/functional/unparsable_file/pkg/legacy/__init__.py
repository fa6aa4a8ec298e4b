"""Legacy integrations."""
