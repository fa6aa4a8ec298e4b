"""pylint plugin entry: ``pylint --load-plugins=plexilint.pylint``."""

from plexilint.adapters.pylint_checkers import register

__all__ = ["register"]
