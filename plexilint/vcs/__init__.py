"""Version-control history, read only (hotspot churn)."""
