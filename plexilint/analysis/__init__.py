"""Per-file fact extraction. Pure: no config, no rules, no adapters."""
