"""PLX3xx: classes that break their module contract (`[[tool.plexilint.contracts]]`)."""
