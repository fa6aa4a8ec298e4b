"""The server's stdin loop, in place of pygls's: messages are framed by `framing.Framer`, so a
malformed header is skipped (its request answered with an error) and the server keeps serving;
a request whose params do not fit its method gets a JSON-RPC error reply, where pygls would
only log it and leave the client waiting."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from typing import Any, BinaryIO

from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest
from pygls.io_ import StdoutWriter
from pygls.protocol import JsonRPCProtocol

from plexilint.adapters.lsp.fast_start import EarlyStart
from plexilint.adapters.lsp.framing import Event, Framer, Malformed, Message

logger = logging.getLogger(__name__)
READ_SIZE = 65536


async def serve_messages(protocol: JsonRPCProtocol, stdin: BinaryIO, stop: threading.Event,
                         early: EarlyStart | None = None) -> None:
    """Hands every message read from ``stdin`` to ``protocol`` until the input ends or ``stop``
    is set, starting with those read ``early``. Reading happens on a daemon thread: an
    exiting server never waits for it."""
    loop = asyncio.get_running_loop()
    chunks: asyncio.Queue[bytes] = asyncio.Queue()
    descriptor = stdin.fileno()
    framer = early.framer if early is not None else Framer()
    for event in early.events if early is not None else []:
        handle(protocol, event)
    if early is not None and early.ended:
        for event in framer.end():
            handle(protocol, event)
        return

    def read() -> None:
        while True:
            try:
                data = os.read(descriptor, READ_SIZE)
            except OSError:
                data = b""
            try:
                loop.call_soon_threadsafe(chunks.put_nowait, data)
            except RuntimeError:  # the loop is closed: the server is exiting
                return
            if not data:
                return

    threading.Thread(target=read, name="plexilint-stdin", daemon=True).start()
    while not stop.is_set():
        data = await chunks.get()
        for event in framer.feed(data) if data else framer.end():
            handle(protocol, event)
        if not data:
            return


def handle(protocol: JsonRPCProtocol, event: Event) -> None:
    if isinstance(event, Message):
        dispatch(protocol, event.body)
    else:
        skip(protocol, event)


class WithoutReplyTo:
    """The server's writer, less its reply to the request answered before it started."""

    def __init__(self, writer: StdoutWriter, answered: int | str) -> None:
        self.writer = writer
        self.answered: int | str | None = answered  # None once the reply was left out

    def close(self) -> None:
        self.writer.close()

    def write(self, data: bytes) -> None:
        if self.answered is not None and self._is_the_reply(data):
            self.answered = None  # once
            return
        self.writer.write(data)

    def _is_the_reply(self, data: bytes) -> bool:
        _, _, body = data.partition(b"\r\n\r\n")
        try:
            message = json.loads(body)
        except ValueError:
            return False
        return isinstance(message, dict) and "method" not in message and message.get("id") == self.answered


def dispatch(protocol: JsonRPCProtocol, body: bytes) -> None:
    """One message to pygls; a message it cannot read is answered (if it is a request) and
    skipped."""
    try:
        message = json.loads(body, object_hook=protocol.structure_message)
    except JsonRpcException as error:  # a known method with params that do not fit it
        method = _plain(body).get("method")
        logger.warning("plexilint: invalid message for %r skipped: %s", method, _cause(error))
        reason = f"invalid params for {method}: {_cause(error)}" if method else _cause(error)
        _answer_with_error(protocol, body, type(error)(reason))
        return
    except ValueError as error:  # not JSON (or not UTF-8)
        logger.warning("plexilint: a message that is not JSON skipped: %s", error)
        return
    try:
        protocol.handle_message(message)
    except Exception:  # pygls answers what it can; nothing must end the loop
        logger.exception("plexilint: handling a message failed")


def skip(protocol: JsonRPCProtocol, malformed: Malformed) -> None:
    logger.warning("plexilint: a malformed message skipped: %s", malformed.reason)
    if malformed.body:
        _answer_with_error(protocol, malformed.body, JsonRpcInvalidRequest(f"malformed message: {malformed.reason}"))


def _answer_with_error(protocol: JsonRPCProtocol, body: bytes, error: JsonRpcException) -> None:
    """Replies ``error`` to ``body`` if it is a request (it has an id and a method)."""
    message = _plain(body)
    identifier = message.get("id")
    if "method" in message and isinstance(identifier, (int, str)) and not isinstance(identifier, bool):
        protocol._send_response(identifier, None, error.to_response_error())


def _plain(body: bytes) -> dict[str, Any]:
    try:
        message = json.loads(body)
    except ValueError:
        return {}
    return message if isinstance(message, dict) else {}


def _cause(error: JsonRpcException) -> str:
    cause = error.__cause__
    if cause is None:
        return error.message or type(error).__name__
    details = getattr(cause, "exceptions", None)  # cattrs groups what did not fit
    if details:
        return "; ".join(str(detail) for detail in details[:3])
    return str(cause)

