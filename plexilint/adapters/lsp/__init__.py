"""`plexilint server`: the language server (LSP over stdio, built on pygls).

Only ``server`` imports pygls; the other modules of this package hold the logic it wires up.
"""
