"""The plug-in framework."""
