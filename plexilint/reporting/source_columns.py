"""Character columns for formats that count characters: ``ast`` columns are UTF-8 byte
offsets, so a line with non-ASCII text before a finding would point too far right."""

from __future__ import annotations

from pathlib import Path

from plexilint.engine.facts import decode_source
from plexilint.engine.sources import read_file_bytes


class CharacterColumns:
    """Converts byte columns to character (code point) columns, reading each file once."""

    def __init__(self) -> None:
        # Per file, its lines that are not pure ASCII (the only ones needing a conversion).
        self._non_ascii: dict[str, dict[int, str]] = {}

    def column(self, path: str, line: int, byte_column: int) -> int:
        text = self._lines_of(path).get(line)
        if text is None:
            return byte_column
        return len(text.encode("utf-8")[:byte_column].decode("utf-8", "ignore"))

    def _lines_of(self, path: str) -> dict[int, str]:
        if path not in self._non_ascii:
            try:
                source = decode_source(read_file_bytes(Path(path)))
            except (OSError, UnicodeDecodeError, SyntaxError, LookupError):
                source = ""  # unreadable now: keep the byte columns
            # Only the line breaks Python itself knows (str.splitlines also splits on \f, \x1c...).
            lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            self._non_ascii[path] = {number: text for number, text in enumerate(lines, start=1)
                                     if not text.isascii()}
        return self._non_ascii[path]
