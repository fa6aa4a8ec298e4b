"""`initialize` answered before the LSP framework is loaded: loading pygls and lsprotocol takes
a few hundred milliseconds of processor time, longer than an editor should wait for a server
to say what it can do. The request is read here (framing.py needs nothing else), answered
with the capabilities pygls would compute for it (a test holds the two equal), and handed to
pygls with everything that came after it; pygls's own answer to it is then left out.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from plexilint import __version__
from plexilint.adapters.lsp.framing import Event, Framer, Message

ENCODINGS = ("utf-8", "utf-16", "utf-32")  # the position encodings pygls supports
COMMANDS = ["plexilint.openRuleDocumentation"]
READ_SIZE = 65536


@dataclass
class EarlyStart:
    """What was read before the server was built: the framer (holding any partial message),
    the events read, and the id of the `initialize` request answered already."""

    framer: Framer = field(default_factory=Framer)
    events: list[Event] = field(default_factory=list)
    answered: int | str | None = None
    ended: bool = False


def _offered_encodings(params: object) -> list[str] | None:
    """The position encodings the client offers; None where a part of the path to them is not
    the JSON type the protocol says (pygls answers those params with an error)."""
    capabilities = params.get("capabilities") if isinstance(params, dict) else None
    general = capabilities.get("general") if isinstance(capabilities, dict) else None
    offered = general.get("positionEncodings") if isinstance(general, dict) else None
    parts = ((capabilities, dict), (general, dict), (offered, list))
    if any(part is not None and not isinstance(part, kind) for part, kind in parts):
        return None
    if offered is None:
        return []
    return offered if all(isinstance(kind, str) for kind in offered) else None


def initialize_result(params: object) -> dict[str, Any] | None:
    """The `initialize` result of `plexilint server` for these params (as pygls builds it);
    None for params pygls rejects, which are left for it to answer."""
    offered = _offered_encodings(params)
    if offered is None:
        return None
    encoding = next((kind for kind in offered if kind in ENCODINGS), "utf-16")
    return {
        "capabilities": {
            "positionEncoding": encoding,
            "textDocumentSync": {"openClose": True, "change": 1, "save": {"includeText": False}},
            "codeActionProvider": {"codeActionKinds": ["quickfix"]},
            "executeCommandProvider": {"commands": COMMANDS},
            "workspace": {"workspaceFolders": {"supported": True, "changeNotifications": True},
                          "fileOperations": {}},
        },
        "serverInfo": {"name": "plexilint", "version": __version__},
    }


def answer_initialize(stdin: BinaryIO, stdout: BinaryIO) -> EarlyStart:
    """Reads until the first message; answers it at once if it is `initialize` (a client
    sends nothing else first). Whatever it was, it is kept for the server."""
    start = EarlyStart()
    while not any(isinstance(event, Message) for event in start.events):
        data = os.read(stdin.fileno(), READ_SIZE)
        if not data:
            start.ended = True
            return start
        start.events += start.framer.feed(data)
    first = next(event for event in start.events if isinstance(event, Message))
    try:
        request = json.loads(first.body)
    except ValueError:
        return start
    if not isinstance(request, dict):
        return start
    identifier = request.get("id")
    if request.get("method") != "initialize" or not isinstance(identifier, (int, str)) or isinstance(identifier, bool):
        return start
    result = initialize_result(request.get("params"))
    if result is None:
        return start
    body = json.dumps({"jsonrpc": "2.0", "id": identifier, "result": result})
    stdout.write(f"Content-Length: {len(body.encode('utf-8'))}\r\n\r\n{body}".encode())
    stdout.flush()
    start.answered = identifier
    return start
