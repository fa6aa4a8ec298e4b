"""PLX4xx: complexity hotspots: size, complexity and cohesion gates."""

from plexilint.rules.complexity import (  # noqa: F401  (registration)
    class_too_large,
    cognitive_complexity_high,
    dispatch_chain,
    function_too_complex,
    function_too_long,
    low_cohesion_class,
    low_maintainability,
    module_too_large,
    mutable_global_state,
)
