"""flake8's shape: ``path:line:col: CODE message``, then a one-line summary.

Every path a line shows is relative to the current directory (absolute when outside it), the
other places a message names included, so each can be opened as printed. On a terminal the
text may be coloured and long lines wrapped; `--show-source` adds the code line and a caret
under the reported columns, as ruff and flake8 do.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from plexilint.model import Finding, Note

# SGR sequences (ECMA-48), the ones ruff uses for the same parts of a line.
_BOLD, _RED, _CYAN, _BLUE, _DIM, _RESET = "\033[1m", "\033[31m", "\033[36m", "\033[34m", "\033[2m", "\033[0m"
_HANGING_INDENT = "    "
_LINE_NUMBER = re.compile(r"\bline (?=\d)")


@dataclass(frozen=True)
class TextStyle:
    """How the text format looks: plain, one line per finding, unless asked otherwise."""

    colour: bool = False
    width: int | None = None  # wrap messages to this many columns (a terminal's width)
    show_source: bool = False
    # The lines of a file as the analysis saw it (standard input's text for `-`); None: unreadable.
    source_lines: Callable[[str], list[str] | None] | None = None


def display_path(path: str, cwd: str) -> str:
    relative = os.path.relpath(path, cwd)
    return path if relative.startswith("..") else relative


def project_root_of(finding: Finding) -> str:
    """The project root, from the finding's absolute and project-relative paths."""
    return finding.path[: len(finding.path) - len(finding.relpath)].rstrip("/") or "/"


def message_for_display(finding: Finding, cwd: str) -> str:
    """The message with the other places it names (project-relative ``path:line``) made
    relative to ``cwd`` like the reported path; places in the reported file become ``line N``."""
    message = finding.message
    root = project_root_of(finding)
    for place in {(r.path, r.line) for r in finding.related}:
        relpath, line = place
        if relpath == finding.relpath:
            shown = f"line {line}"
        else:
            shown = f"{display_path(f'{root}/{relpath}', cwd)}:{line}"
        # Whole places only: `a.py:1` must not rewrite `pkg/a.py:1` or `a.py:12`.
        pattern = rf"(?<![\w./-]){re.escape(relpath)}:{line}(?!\d)"
        message = re.sub(pattern, lambda _: shown, message)
    return message


def render_text(findings: Sequence[Finding], files_checked: int, cwd: str, summary: bool = True,
                style: TextStyle = TextStyle(), notes: Sequence[Note] = ()) -> str:
    lines: list[str] = []
    for finding in findings:
        lines.extend(_finding_lines(finding, cwd, style))
    if summary:
        lines.extend(note_lines(notes))
        lines.append(_paint(summary_line(findings, files_checked), _BOLD, style.colour))
    return "\n".join(lines) + "\n" if lines else ""


def _paint(text: str, sgr: str, colour: bool) -> str:
    return f"{sgr}{text}{_RESET}" if colour and text else text


def _finding_lines(finding: Finding, cwd: str, style: TextStyle) -> list[str]:
    location = f"{display_path(finding.path, cwd)}:{finding.line}:{finding.column + 1}:"
    plain_head = f"{location} {finding.code} "
    message = message_for_display(finding, cwd)
    if style.width and len(plain_head) + len(message) > style.width:
        # Paths and `code` spans are never split: they must stay copyable.
        # "line 36" stays on one line (textwrap does not break at a no-break space).
        unbroken = _LINE_NUMBER.sub("line\u00a0", message)
        body = textwrap.wrap(unbroken, width=max(style.width, 40),
                             initial_indent=" " * len(plain_head), subsequent_indent=_HANGING_INDENT,
                             break_long_words=False, break_on_hyphens=False)
        body = [part.replace("\u00a0", " ") for part in body]
        body[0] = body[0][len(plain_head):]
    else:
        body = [message]
    head = (_paint(display_path(finding.path, cwd), _BOLD, style.colour)
            + _paint(f":{finding.line}:{finding.column + 1}:", _CYAN, style.colour)
            + " " + _paint(finding.code, _BOLD + _RED, style.colour) + " ")
    out = [head + body[0], *body[1:]]
    if style.show_source:
        out.extend(_source_excerpt(finding, style))
    return out


def _source_excerpt(finding: Finding, style: TextStyle) -> list[str]:
    """The reported line and a caret under the reported columns (ruff's layout); a span that
    goes on past the line is underlined to the line's end."""
    source = style.source_lines(finding.path) if style.source_lines else None
    if not source or not 1 <= finding.line <= len(source):
        return []
    text = source[finding.line - 1].rstrip("\r\n")
    encoded = text.encode("utf-8")
    # ast columns count UTF-8 bytes; the caret goes under characters.
    start = len(encoded[: finding.column].decode("utf-8", "ignore"))
    span = finding.span
    if span.end_line == span.line and span.end_column is not None and span.end_column > span.column:
        end = len(encoded[: span.end_column].decode("utf-8", "ignore"))
    elif span.end_line is not None and span.end_line > span.line:
        end = len(text.rstrip())  # a statement over several lines: underlined to the end of its first
    else:
        end = start + 1
    end = max(min(end, len(text)), start + 1)
    # Tabs stay tabs under the code, so the caret lines up whatever the tab width.
    padding = "".join("\t" if char == "\t" else " " for char in text[:start])
    number = str(finding.line)
    gutter = " " * len(number)
    bar = _paint("|", _BLUE, style.colour)
    return [
        f"{gutter} {bar}",
        f"{_paint(number, _BLUE, style.colour)} {bar} {text}",
        f"{gutter} {bar} {padding}{_paint('^' * (end - start), _RED, style.colour)}",
        "",
    ]


def note_lines(notes: Sequence[Note], details: bool = False) -> list[str]:
    """``note: ...`` lines above the summary; ``details``: the notes shown on request too."""
    return [f"note: {n.message}" for n in notes if details or not n.detail]


def summary_line(findings: Sequence[Finding], files_checked: int) -> str:
    """The last line of the text format (and of the GitHub format, which GitHub shows as log)."""
    if not files_checked and not findings:
        return "No Python files checked."
    if not findings:
        return f"All checks passed ({files_checked} file{'s' if files_checked != 1 else ''} checked)."
    files = len({f.path for f in findings})
    return (
        f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} "
        f"file{'s' if files != 1 else ''} ({files_checked} checked). "
        "`plexilint explain CODE` tells what each code means and what to do."
    )
