"""The engine core: discover files, read them, extract facts once per file (memoised, cached on
disk, in parallel), index them, select codes and read `# noqa`. It knows no rule: running the
rules is plexilint.runner's."""
