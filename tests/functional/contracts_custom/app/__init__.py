"""An application with extensions (second contract of the case)."""
