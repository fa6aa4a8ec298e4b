"""Infrastructure shared by plug-in modules."""
