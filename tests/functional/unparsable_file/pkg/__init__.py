"""Application package; one of its modules is mid-edit and does not parse."""
