"""`plexilint server` given malformed or unexpected input (a raw LSP client over stdio): it
skips what it cannot read, answers what it can, and keeps serving; and the framing reader
fuzzed with hypothesis. Also its start-up: initialize answered before pygls loads."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plexilint.adapters.lsp.fast_start import initialize_result
from plexilint.adapters.lsp.framing import Framer, Message
from plexilint.adapters.lsp.transport import dispatch
from test_language_server import CAPABILITIES, NOT_A_STUB, TIMEOUT, editor_session


@pytest.fixture
def editor(tmp_path):
    with editor_session(tmp_path) as session:
        yield session


# Malformed input: the server skips it, answers what it can, and keeps serving.

def framed(body: bytes, header: bytes | None = None) -> bytes:
    return (header if header is not None else b"Content-Length: %d" % len(body)) + b"\r\n\r\n" + body


def request_body(number: int, method: str = "shutdown", params: object = None) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": number, "method": method, "params": params}).encode()


BAD_LENGTHS = [b"abc", b"-5", b"99999999999999999999", b"1000000", b""]


@pytest.mark.parametrize("length", BAD_LENGTHS)
def test_a_bad_content_length_is_answered_and_skipped_and_the_server_goes_on(editor, length):
    editor.start()
    editor.client.send_raw(framed(request_body(900, "textDocument/codeAction"), b"Content-Length: " + length))
    reply = editor.client.wait_for(lambda m: m.get("id") == 900, TIMEOUT, "the error reply")
    assert reply["error"]["code"] == -32600 and "malformed message" in reply["error"]["message"]
    assert [d["code"] for d in editor.open("pkg/events/__init__.py")["diagnostics"]] == ["PLX101"]
    assert editor.stop() == 0  # shutdown answered, exit honoured


def test_a_bad_header_on_the_last_message_does_not_keep_shutdown_waiting(editor):
    editor.start()
    editor.client.send_raw(framed(request_body(901), b"Content-Length: -5"))  # shutdown, badly framed
    assert editor.client.wait_for(lambda m: m.get("id") == 901, TIMEOUT)["error"]["code"] == -32600
    assert editor.stop() == 0


def test_requests_with_invalid_params_get_an_error_reply(editor):
    editor.start()
    reply = editor.client.request_reply("textDocument/codeAction", {"textDocument": 5}, TIMEOUT)
    assert reply["error"]["code"] == -32602
    assert "textDocument/codeAction" in reply["error"]["message"]
    assert [d["code"] for d in editor.open("pkg/events/__init__.py")["diagnostics"]] == ["PLX101"]
    assert editor.stop() == 0


def test_an_invalid_document_path_does_not_stop_the_others_diagnostics(editor):
    editor.start()
    for uri in (editor.uri("pkg/bad%00.py"), "file:///%00", "untitled:Untitled-1"):
        editor.client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "python", "version": 1, "text": "class EventManager:\n    pass\n"}})
        editor.client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                        "contentChanges": [{"text": "x = 1\n"}]})
    assert [d["code"] for d in editor.open("pkg/events/__init__.py")["diagnostics"]] == ["PLX101"]
    assert editor.change("pkg/events/__init__.py", 2, NOT_A_STUB)["diagnostics"] == []
    assert not [m for m in editor.client.received if m.get("method") == "window/showMessage"]
    assert editor.stop() == 0


def test_a_change_to_a_document_never_opened_is_logged_not_shown(editor):
    editor.start()
    editor.client.notify("textDocument/didChange", {"textDocument": {"uri": editor.uri("pkg/nowhere.py"), "version": 2},
                                                    "contentChanges": [{"text": "x = 1\n"}]})
    assert [d["code"] for d in editor.open("pkg/events/__init__.py")["diagnostics"]] == ["PLX101"]
    assert editor.stop() == 0
    assert not [m for m in editor.client.received if m.get("method") == "window/showMessage"]
    assert "nowhere.py" in editor.client.stderr_text()


message_bodies = st.lists(st.dictionaries(st.sampled_from(["a", "b", "text"]),
                                          st.text(max_size=30) | st.integers(), max_size=3),
                          min_size=1, max_size=6)
corruptions = st.sampled_from([None, None, b"abc", b"-5", b"99999999999999999999", "longer", "shorter", "none"])


@settings(max_examples=300, deadline=None, database=None)
@given(message_bodies, st.lists(corruptions, min_size=6, max_size=6), st.lists(st.integers(1, 40), max_size=30))
def test_framing_fuzz_well_framed_messages_always_get_through(bodies, damage, cuts):
    """Whatever the headers of the other messages, every well-framed message is read, in order,
    however the bytes are split; nothing raises."""
    stream, expected = b"", []
    for number, (params, corruption) in enumerate(zip(bodies, damage)):
        body = json.dumps({"jsonrpc": "2.0", "id": number, "method": "m", "params": params}).encode()
        if corruption is None:
            header = b"Content-Length: %d" % len(body)
            expected.append(body)
        elif corruption == "longer":
            header = b"Content-Length: %d" % (len(body) + 7)
        elif corruption == "shorter":
            header = b"Content-Length: %d" % (len(body) - 3)
        elif corruption == "none":
            header = b"Content-Type: application/vscode-jsonrpc; charset=utf-8"
        else:
            header = b"Content-Length: " + corruption
        stream += framed(body, header)
    whole = Framer().feed(stream)
    framer, pieces, position = Framer(), [], 0
    for cut in cuts:
        pieces += framer.feed(stream[position:position + cut])
        position += cut
    pieces += framer.feed(stream[position:]) + framer.end()
    for events in (whole, pieces):
        delivered = [event.body for event in events if isinstance(event, Message) and event.body in expected]
        assert delivered == expected
    assert [e for e in whole if isinstance(e, Message)] == [e for e in pieces if isinstance(e, Message)]


@pytest.mark.parametrize("capabilities", [
    {},
    {"general": {"positionEncodings": ["utf-8", "utf-16"]}},
    {"general": {"positionEncodings": ["utf-32"]}},
    {"general": {"positionEncodings": ["latin-1"]}},
    CAPABILITIES,
])
def test_the_early_initialize_answer_is_the_one_pygls_would_give(capabilities):
    from plexilint.adapters.lsp.server import build_server

    params = {"processId": None, "rootUri": None, "capabilities": capabilities}
    written: list[bytes] = []

    class Capture:
        def write(self, data: bytes) -> None:
            written.append(data)

        def close(self) -> None:
            pass

    async def initialize() -> None:
        server = build_server(0)
        server.protocol.set_writer(Capture())
        dispatch(server.protocol, request_body(1, "initialize", params))
        await asyncio.sleep(0)

    asyncio.run(initialize())
    [reply] = [json.loads(data.partition(b"\r\n\r\n")[2]) for data in written]
    assert reply["result"] == initialize_result(params)


@pytest.mark.parametrize("capabilities", [
    {"general": 3},
    {"general": {"positionEncodings": 5}},
    {"general": {"positionEncodings": [["utf-8"]]}},
])
def test_an_initialize_with_malformed_capabilities_gets_the_error_reply_not_a_crash(editor, capabilities):
    """The early answer leaves params it cannot read to pygls, which replies with an error."""
    params = {"processId": None, "rootUri": editor.root.as_uri(), "capabilities": capabilities}
    assert initialize_result(params) is None
    reply = editor.client.request_reply("initialize", params, TIMEOUT)
    assert reply["error"]["code"] == -32602
    assert "initialize" in reply["error"]["message"]
    assert editor.stop() == 0




def test_the_server_command_starts_without_loading_the_other_commands():
    code = ("import sys; from plexilint.adapters.entry import main; status = main(['server', '--debounce', 'x']); "
            "print(status, 'plexilint.adapters.cli' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT)
    assert run.stdout.split() == ["2", "False"]
    assert "expected milliseconds" in run.stderr
