"""The real performance logger."""

import logging


def get_performance_logger(name="performance"):
    return logging.getLogger(f"traps.{name}")
