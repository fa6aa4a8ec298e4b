"""`plexilint hotspots --format html`: one self-contained page, checked as markup and as a
picture rendered by headless Chromium (skipped, saying so, only where Chromium is absent)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from plexilint.reporting.hotspots_html import HOT_COLOUR, POINT_COLOUR
from test_hotspots import history  # noqa: F401  (the fixture: a project with a real git history)

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)


class _Page(HTMLParser):
    """What the tests look at: the plot's points, the table's rows and each row's functions."""

    def __init__(self) -> None:
        super().__init__()
        self.points: list[dict[str, str]] = []
        self.quadrants = 0
        self.rows: list[str] = []
        self.function_cells: dict[str, list[str]] = {}
        self.fetches: list[str] = []
        self._row: str | None = None
        self._in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "circle" and attributes.get("class") == "point":
            self.points.append(attributes)
        if tag == "rect" and attributes.get("class") == "quadrant":
            self.quadrants += 1
        if tag == "tr" and attributes.get("id", "").startswith("file-"):
            self._row = attributes["id"]
            self.rows.append(self._row)
            self.function_cells[self._row] = []
        if tag in ("script", "link", "img", "iframe") and ("src" in attributes or "href" in attributes):
            self.fetches.append(tag)
        if tag == "code" and self._row:
            self._in_code = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "code":
            self._in_code = False

    def handle_data(self, data: str) -> None:
        if self._in_code and self._row:
            self.function_cells[self._row].append(data)


def _page(history_root: Path, cli, *options: str) -> tuple[str, _Page]:
    out = history_root / "hotspots.html"
    status, _, err = cli("hotspots", history_root, "--format", "html", "-o", out, *options)
    assert status == 0, err
    text = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    return text, page


def test_the_page_plots_every_file_ranks_the_top_and_drills_down_to_functions(history, cli):  # noqa: F811
    text, page = _page(history, cli, "--top", "2")
    assert text.startswith("<!DOCTYPE html>")
    assert sorted(p["data-path"] for p in page.points) == [
        "app/__init__.py", "app/complex_often.py", "app/complex_rare.py", "app/simple_often.py"]
    assert page.quadrants == 1
    # The complex file changed in five commits is in the worst quadrant; the trivial one is not.
    colours = {p["data-path"]: p["fill"] for p in page.points}
    assert colours["app/complex_often.py"] == HOT_COLOUR
    assert colours["app/simple_often.py"] == POINT_COLOUR
    # Bigger files are bigger points.
    radius = {p["data-path"]: float(p["r"]) for p in page.points}
    assert radius["app/complex_often.py"] > radius["app/__init__.py"]
    assert page.rows == ["file-1", "file-2"]
    assert "often" in page.function_cells["file-1"] and "helper" in page.function_cells["file-1"]
    assert page.fetches == []  # nothing fetched at view time
    assert "url(" not in text and "@import" not in text


def _paeth(left: int, up: int, upper_left: int) -> int:
    guess = left + up - upper_left
    a, b, c = abs(guess - left), abs(guess - up), abs(guess - upper_left)
    return left if a <= b and a <= c else up if b <= c else upper_left


# PNG's filter types (RFC 2083, 6.2): the predictor of a byte from its left, upper and upper-left bytes.
_PREDICTORS = {
    0: lambda left, up, upper_left: 0,
    1: lambda left, up, upper_left: left,
    2: lambda left, up, upper_left: up,
    3: lambda left, up, upper_left: (left + up) // 2,
    4: _paeth,
}


def _chunks(data: bytes) -> dict[bytes, bytes]:
    """IHDR and the concatenated IDAT of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, found = 8, {b"IHDR": b"", b"IDAT": b""}
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind in found:
            found[kind] += data[position + 8:position + 8 + length]
        position += 12 + length
    return found


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit non-interlaced RGB or RGBA PNG."""
    chunks = _chunks(data)
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert depth == 8 and colour_type in (2, 6) and interlace == 0
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        predict = _PREDICTORS[raw[y * (stride + 1)]]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            before = x - channels
            line[x] = (line[x] + predict(line[before] if before >= 0 else 0, previous[x],
                                         previous[before] if before >= 0 else 0)) & 0xFF
        rows.append(b"".join(bytes(line[i:i + 3]) for i in range(0, stride, channels)))  # RGB only
        previous = line
    return width, height, rows


def _count(rows: list[bytes], colour: str) -> int:
    rgb = bytes.fromhex(colour.lstrip("#"))
    return sum(row[i:i + 3] == rgb for row in rows for i in range(0, len(row), 3))


@pytest.mark.slow  # a browser starts twice
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium): "
                    "the rendered picture is not checked here")
def test_chromium_renders_the_points(history, cli, tmp_path):  # noqa: F811
    _, page = _page(history, cli)
    screenshot = tmp_path / "hotspots.png"
    browser = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               f"--user-data-dir={tmp_path / 'profile'}"]
    page_url = (history / "hotspots.html").as_uri()
    subprocess.run([*browser, f"--screenshot={screenshot}", "--window-size=1000,700", page_url],
                   capture_output=True, timeout=120, check=True)
    width, height, rows = _png_pixels(screenshot.read_bytes())
    assert (width, height) == (1000, 700)
    # The hot file and the two cool ones with commits show as solid discs of their colours
    # (at least a 3-pixel radius each: dozens of pixels).
    hot, cool = _count(rows, HOT_COLOUR), _count(rows, POINT_COLOUR)
    assert hot > 20 and cool > 40, (hot, cool)
    # The browser's own DOM has every point, in the order drawn.
    dom = subprocess.run([*browser, "--dump-dom", page_url], capture_output=True, text=True, timeout=120,
                         check=True).stdout
    assert dom.count('class="point"') == len(page.points) == 4
