"""`plexilint server`: the language server (LSP over stdio, built on pygls).

Nothing outside this package imports it, so pygls loads only when the server runs.
"""
