"""LSP base protocol framing (``Content-Length`` headers, then a JSON body), read so that a
malformed header never wedges the server: the bytes are split into messages, and what cannot
be a message is reported and skipped up to the next header.

pygls's own reader waits for a valid ``Content-Length`` forever once one is wrong (``abc``,
``-5``), and for as many bytes as a huge one says; this one is fed what arrives and gives back
what it can tell apart, with no I/O of its own (so it can be tested byte by byte).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MAX_CONTENT_LENGTH = 256 * 1024 * 1024  # no editor sends a message this big
MAX_HEADER_BYTES = 64 * 1024
MAX_JUNK_BYTES = 1024 * 1024  # bytes outside any message kept to find a request in them
_HEADER_NAMES = (b"content-length:", b"content-type:")
_LONGEST_HEADER_NAME = max(len(name) for name in _HEADER_NAMES)
_HEADER = re.compile(rb"content-(?:length|type):", re.IGNORECASE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_LENGTH = re.compile(rb"[ \t]*([0-9]+)[ \t]*")


@dataclass(frozen=True)
class Message:
    body: bytes


@dataclass(frozen=True)
class Malformed:
    """Bytes that are not a well-framed message: ``body`` is the JSON found in them, if any
    (so that a request in it can still be answered, with an error)."""

    reason: str
    body: bytes = b""


Event = Message | Malformed


class Framer:
    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[Event]:
        """The messages (and malformed parts) completed by ``data``."""
        self._buffer += data
        events: list[Event] = []
        while True:
            event = self._next()
            if event is None:
                return events
            events.append(event)

    def end(self) -> list[Event]:
        """At the end of the input: what is left cannot be a message."""
        left, self._buffer = self._buffer, b""
        return [Malformed("the input ended inside a message", _json_value(left))] if left.strip() else []

    def _next(self) -> Event | None:
        start = _HEADER.search(self._buffer)
        if start is None:  # junk so far: reported whole once the next header shows where it ends
            if len(self._buffer) > MAX_JUNK_BYTES:
                return self._skip_junk(len(self._buffer) - _LONGEST_HEADER_NAME)  # keep a header cut in two
            return None
        if start.start() > 0:  # bytes before a header: the rest of a message framed wrongly
            return self._skip_junk(start.start())
        end = _HEADER_END.search(self._buffer, start.end())
        if end is None:
            if len(self._buffer) > MAX_HEADER_BYTES:
                return self._skip_junk(start.end(), "a header without its end")
            return None
        length = _content_length(self._buffer[:end.start()])
        body_start = end.end()
        if isinstance(length, str):  # unusable: the body ends where the next header starts
            return self._until_next_header(body_start, length)
        if len(self._buffer) - body_start >= length:
            body = self._buffer[body_start:body_start + length]
            shorter = _shorter_value(body)
            if shorter is not None:  # the length ran into the next message
                self._buffer = self._buffer[body_start + shorter:].lstrip()
                return Malformed(f"Content-Length {length} is more than the message's {shorter} bytes",
                                 body[:shorter])
            self._buffer = self._buffer[body_start + length:]
            return Message(body)
        # Not all there yet, or the length is too big: a body is one JSON value, so a complete
        # value followed by anything but the rest of it tells the length was wrong.
        candidate = self._buffer[body_start:]
        value_end = _json_end(candidate)
        if value_end is None:
            return None
        rest = candidate[value_end:].lstrip()
        if rest and not _HEADER.match(rest) and _could_start_header(rest):
            return None
        self._buffer = rest
        return Malformed(f"Content-Length {length} is more than the message's {value_end} bytes",
                         candidate[:value_end])

    def _until_next_header(self, body_start: int, reason: str) -> Event | None:
        following = _HEADER.search(self._buffer, body_start)
        if following is None:
            value_end = _json_end(self._buffer[body_start:])
            if value_end is None or self._buffer[body_start + value_end:].strip():
                return None  # wait for the body or the next header
            body, self._buffer = self._buffer[body_start:body_start + value_end], b""
            return Malformed(reason, body)
        body = self._buffer[body_start:following.start()]
        self._buffer = self._buffer[following.start():]
        return Malformed(reason, _json_value(body))

    def _skip_junk(self, upto: int, reason: str = "bytes outside any message") -> Event | None:
        if upto <= 0:
            return None
        junk, self._buffer = self._buffer[:upto], self._buffer[upto:]
        return Malformed(reason, _json_value(junk)) if junk.strip() else self._next()


def _content_length(headers: bytes) -> int | str:
    """The Content-Length of a header block, or why it has none that can be used."""
    values = [line.split(b":", 1)[1] for line in re.split(rb"\r?\n", headers)
              if line.lower().startswith(b"content-length:")]
    if len(values) != 1:
        return "several Content-Length headers" if values else "no Content-Length header"
    match = _LENGTH.fullmatch(values[0])
    if match is None:
        return f"invalid Content-Length {values[0].strip()[:40]!r}"
    length = int(match.group(1))
    if length > MAX_CONTENT_LENGTH:
        return f"Content-Length {length} is more than {MAX_CONTENT_LENGTH} bytes"
    return length


def _shorter_value(body: bytes) -> int | None:
    """Where a body's JSON value ends when a header follows it inside the body (the length
    given was too big and took in the next message); None otherwise. Only bodies that do not
    end a JSON object or array, or that hold a header name, are parsed here (not every one)."""
    if body.rstrip()[-1:] in (b"}", b"]") and _HEADER.search(body) is None:
        return None
    end = _json_end(body)
    if end is None or end == len(body):
        return None
    rest = body[end:].lstrip()
    return end if rest and (_HEADER.match(rest) or _could_start_header(rest)) else None


def _could_start_header(data: bytes) -> bool:
    """Whether ``data`` is the beginning of a header name cut off by a read."""
    return any(name.startswith(data[:len(name)].lower()) for name in _HEADER_NAMES)


def _json_end(data: bytes) -> int | None:
    """Where the JSON value ``data`` starts with (after blanks) ends, in bytes; None if it
    does not start with a complete one."""
    text = data.decode("utf-8", errors="surrogateescape")  # one character per undecodable byte
    blanks = len(text) - len(text.lstrip())
    try:
        _, end = json.JSONDecoder().raw_decode(text, blanks)
    except ValueError:
        return None
    return len(text[:end].encode("utf-8", errors="surrogateescape"))


def _json_value(data: bytes) -> bytes:
    """The JSON value ``data`` holds, if any: all of it, or after a header block."""
    blank = _HEADER_END.search(data)
    for start in (0, blank.end() if blank else None):
        if start is not None:
            end = _json_end(data[start:])
            if end is not None:
                return data[start:start + end].strip()
    return b""
