"""The shop package (src layout)."""
