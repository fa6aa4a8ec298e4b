"""The text an editor holds versus the bytes and positions the engine works with."""

from __future__ import annotations

import io
import re
import tokenize

_BOM = "\ufeff"
# The line breaks of both Python's tokenizer and LSP (str.splitlines also splits on form feeds).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def text_lines(text: str) -> list[str]:
    """The lines of a text, without their line breaks, numbered as Python numbers them."""
    return _LINE_BREAK.split(text)


def lines_with_ends(text: str) -> list[str]:
    """The lines of a text, each with its line break (the last one may have none)."""
    return _LINE_WITH_END.findall(text)


def character_column(line: str, byte_column: int) -> int:
    """The character index of an ``ast`` column (an offset in the line's UTF-8 bytes)."""
    return len(line.encode("utf-8")[:byte_column].decode("utf-8", errors="ignore"))


def buffer_bytes(text: str) -> bytes:
    """The bytes a buffer would be saved as: in the encoding its coding cookie declares."""
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # an unknown encoding: the engine reports the file as unparsable
        return data
    if encoding in ("utf-8", "utf-8-sig"):
        return data
    try:
        return text.encode(encoding)
    except (UnicodeError, LookupError):
        return data


def decode_source(data: bytes) -> str:
    """A Python file's text as an editor shows it (coding cookie honoured, no BOM)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        encoding = "utf-8"
    text = data.decode(encoding, errors="replace")
    return text[1:] if text.startswith(_BOM) else text
