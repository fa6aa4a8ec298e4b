"""The engine: discover files, extract facts once per file, run rules, filter findings."""
