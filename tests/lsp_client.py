"""A minimal LSP client over a subprocess's stdio (JSON-RPC with Content-Length framing), for
driving `plexilint server` the way an editor does. Also used by bench/lsp_latency.py."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Message = dict[str, Any]
# What the client answers to the server's own requests (everything else: null).
REPLIES: dict[str, Any] = {"window/showDocument": {"success": True}, "workspace/applyEdit": {"applied": False}}


class LspClient:
    def __init__(self, command: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE)
        self._incoming: queue.Queue[Message | None] = queue.Queue()
        self.received: list[Message] = []  # every message from the server, in order
        self._unclaimed: list[Message] = []
        self._write_lock = threading.Lock()
        self._next_id = 0
        self.stderr: list[bytes] = []
        self._threads = [threading.Thread(target=self._read, daemon=True),
                         threading.Thread(target=self._drain_stderr, daemon=True)]
        for thread in self._threads:
            thread.start()

    # Sending.

    def _write(self, message: Message) -> None:
        body = json.dumps(message).encode("utf-8")
        with self._write_lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def send_raw(self, data: bytes) -> None:
        """Bytes as they are, framed or not (for malformed messages)."""
        with self._write_lock:
            self.process.stdin.write(data)
            self.process.stdin.flush()

    def request_reply(self, method: str, params: Any = None, timeout: float = 60) -> Message:
        """The whole reply to a request, an error reply included."""
        self._next_id += 1
        number = self._next_id
        self._write({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == number and "method" not in m, timeout, f"reply to {method}")

    def notify(self, method: str, params: Any = None) -> None:
        self._write({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any = None, timeout: float = 60) -> Any:
        self._next_id += 1
        number = self._next_id
        self._write({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        reply = self.wait_for(lambda m: m.get("id") == number and "method" not in m, timeout, f"reply to {method}")
        if "error" in reply:
            raise AssertionError(f"{method} failed: {reply['error']}")
        return reply.get("result")

    # Receiving.

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self._incoming.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # a request from the server
                try:
                    self._write({"jsonrpc": "2.0", "id": message["id"], "result": REPLIES.get(message["method"])})
                except OSError:  # the server is gone; the wait reports it
                    pass
            self._incoming.put(message)

    def _drain_stderr(self) -> None:
        for line in self.process.stderr:
            self.stderr.append(line)

    def wait_for(self, matches: Callable[[Message], bool], timeout: float = 60, what: str = "a message") -> Message:
        """The first message not yet claimed that ``matches``, waiting up to ``timeout`` s."""
        for message in self._unclaimed:
            if matches(message):
                self._unclaimed.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                message = self._incoming.get(timeout=max(remaining, 0.001))
            except queue.Empty:
                raise AssertionError(f"no {what} within {timeout} s; stderr:\n{self.stderr_text()}") from None
            if message is None:
                raise AssertionError(f"the server exited while waiting for {what}; stderr:\n{self.stderr_text()}")
            self.received.append(message)
            if matches(message):
                return message
            self._unclaimed.append(message)

    def diagnostics_for(self, uri: str, timeout: float = 60, version: int | None = None) -> Message:
        """The next publishDiagnostics for ``uri`` (of that document version, if given)."""
        def matches(message: Message) -> bool:
            params = message.get("params") or {}
            return (message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri
                    and (version is None or params.get("version") == version))

        return self.wait_for(matches, timeout, f"diagnostics for {uri}")["params"]

    def stderr_text(self) -> str:
        return b"".join(self.stderr).decode("utf-8", errors="replace")

    def close(self) -> None:
        """Kills the server if it is still running (teardown: never leave a process behind)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        for thread in self._threads:  # they stop at the end of the server's output
            thread.join(timeout=30)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()
