"""PLX4xx: complexity hotspots: size, complexity and cohesion gates."""
