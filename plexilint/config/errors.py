"""The one error type a bad configuration produces (the CLI turns it into exit 2)."""

from __future__ import annotations


class ConfigError(Exception):
    """One or more problems in a configuration file, all reported at once."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__("\n".join(f"{where}{problem}" for problem in problems))

    def __reduce__(self) -> tuple[type[ConfigError], tuple[list[str], str | None]]:
        # Rebuilt from its own arguments, not from the message: flake8's and pylint's worker
        # processes send it back pickled.
        return type(self), (self.problems, self.source)
