"""PLX4xx: complexity hotspots (size and complexity gates)."""
