"""Everything plexilint knows about one file, computed from one parse."""

from __future__ import annotations

import ast
import hashlib
import io
import tokenize
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from plexilint.analysis.complexity import ComplexityFacts, extract_complexity_facts
from plexilint.analysis.contracts import ContractFacts, extract_contract_facts
from plexilint.analysis.database import DatabaseFacts, extract_database_facts
from plexilint.analysis.fallbacks import FallbackFacts, extract_fallback_facts
from plexilint.analysis.imports import NameImport, extract_name_imports
from plexilint.analysis.modules import is_test_file, module_name_for
from plexilint.analysis.none_tests import NoneTest, extract_none_tests
from plexilint.analysis.scope_nodes import ScopeIndex
from plexilint.engine.suppressions import Suppressions, noqa_comment_lines, read_noqa_comments
from plexilint.analysis.source import source_lines


# The kinds of facts, each from its own extractor; a run computes only those its enabled rules
# read (`Rule.reads`: `--select PLX4` never walks a tree for database access), plus those an
# adapter asks for (`none_tests`: only the fix and its report read them).
FACT_KINDS = frozenset({"fallbacks", "database", "contracts", "complexity", "name_imports", "none_tests"})


# Not a kind of its own: asks for the fallback facts of test files too (`fallbacks-in-tests`).
FALLBACKS_IN_TESTS = "fallbacks-in-tests"


@dataclass(frozen=True, slots=True)
class ParseFailure:
    line: int
    column: int
    reason: str
    # What stops the analysis: "syntax" (Python cannot decode or parse the file), "unreadable",
    # or "too-deep" (Python parses it, but it nests deeper than plexilint's analysis goes).
    kind: str = "syntax"


@dataclass(frozen=True, slots=True)
class FileFacts:
    path: str  # absolute, posix form
    relpath: str  # relative to the project root, posix form
    module: str
    is_package: bool
    digest: str  # sha256 of the file's bytes
    parse_failure: ParseFailure | None = None
    suppressions: Suppressions = field(default_factory=dict)
    noqa_comment_lines: tuple[tuple[int, int, int], ...] = ()  # (line, start, end) of real `# noqa` comments
    fallbacks: FallbackFacts = field(default_factory=FallbackFacts)
    database: DatabaseFacts = field(default_factory=DatabaseFacts)
    contracts: ContractFacts = field(default_factory=ContractFacts)
    complexity: ComplexityFacts = field(default_factory=ComplexityFacts)
    name_imports: tuple[NameImport, ...] = ()
    none_tests: tuple[NoneTest, ...] = ()  # names tested against None or for truth


class _FileIdentity(TypedDict):
    """The fields of `FileFacts` known before the file is decoded."""

    path: str
    relpath: str
    module: str
    is_package: bool
    digest: str


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_source(data: bytes) -> str:
    """Decodes with the file's PEP 263 encoding (UTF-8 by default), without a BOM and with
    ``\n`` line endings; raises on bad bytes."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    text = text[1:] if text.startswith("\ufeff") else text
    # Universal newlines, as the compiler reads source (and importlib.util.decode_source):
    # every line count and metric then sees the same lines whatever the line endings.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _byte_column(source: str, line: int, characters: int) -> int:
    """SyntaxError counts columns in characters; every other span (``ast``'s) in UTF-8 bytes."""
    lines = source_lines(source)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return len(text[:max(characters, 0)].encode("utf-8", errors="surrogatepass"))


def parse_source(source: str, filename: str) -> ast.Module | ParseFailure:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning for invalid escapes etc.
            return ast.parse(source, filename=filename)
    except SyntaxError as error:
        line = error.lineno or 1
        return ParseFailure(line, _byte_column(source, line, (error.offset or 1) - 1), error.msg)
    except RecursionError:
        return ParseFailure(1, 0, "nesting too deep for the parser")
    except MemoryError:  # how CPython 3.11 reports running out of parser stack
        return ParseFailure(1, 0, "too deeply nested or too large for the parser")
    except ValueError as error:  # null bytes, before 3.12
        return ParseFailure(1, 0, str(error))


def extract_facts(path: Path, relpath: str, data: bytes, tree: ast.Module | None = None,
                  kinds: frozenset[str] = FACT_KINDS, module: str | None = None) -> FileFacts:
    """The facts of one file from its bytes (only the `kinds` asked for; the others stay
    empty); never raises on bad input. ``module``: its name in the project (a project names
    its files together, so that no two share one); by default, from its packages alone."""
    module = module if module is not None else module_name_for(path)
    base = _FileIdentity(path=path.as_posix(), relpath=relpath, module=module,
                         is_package=path.name == "__init__.py", digest=content_digest(data))
    try:
        source = decode_source(data)
    except (UnicodeDecodeError, LookupError, SyntaxError) as error:
        return FileFacts(**base, parse_failure=ParseFailure(1, 0, f"cannot decode the file: {error}"))
    suppressions = read_noqa_comments(source)
    parsed = tree if tree is not None else parse_source(source, str(path))
    if isinstance(parsed, ParseFailure):
        return FileFacts(**base, parse_failure=parsed, suppressions=suppressions)
    noqa_lines = noqa_comment_lines(source) if suppressions else ()
    if path.suffix == ".pyi":  # stub files are intentional stubs, never fallbacks
        return FileFacts(**base, suppressions=suppressions, noqa_comment_lines=noqa_lines)
    try:
        facts = _facts_of_kinds(parsed, source, module, base["is_package"], relpath, kinds)
    except RecursionError:
        return FileFacts(**base, parse_failure=ParseFailure(1, 0, "nesting too deep to analyse", "too-deep"),
                         suppressions=suppressions, noqa_comment_lines=noqa_lines)
    return FileFacts(**base, suppressions=suppressions, noqa_comment_lines=noqa_lines, **facts)


class _KindFacts(TypedDict):
    """The fields of `FileFacts` that hold one kind of fact each."""

    fallbacks: FallbackFacts
    database: DatabaseFacts
    contracts: ContractFacts
    complexity: ComplexityFacts
    name_imports: tuple[NameImport, ...]
    none_tests: tuple[NoneTest, ...]


def _facts_of_kinds(tree: ast.Module, source: str, module: str, package: bool, relpath: str,
                    kinds: frozenset[str]) -> _KindFacts:
    """Each kind of fact asked for, from its extractor; the others empty."""
    wants_fallbacks = "fallbacks" in kinds and (FALLBACKS_IN_TESTS in kinds or not is_test_file(relpath))
    wants_database = bool(kinds & {"database", "contracts"})
    # The complexity walk visits every node: it sorts them for the database facts on the way.
    scopes = ScopeIndex() if wants_database and "complexity" in kinds else None
    complexity = extract_complexity_facts(tree, source, scopes) if "complexity" in kinds else ComplexityFacts()
    database = extract_database_facts(tree, source, module, package, scopes) if wants_database else DatabaseFacts()
    return _KindFacts(
        fallbacks=extract_fallback_facts(tree, source, module, package) if wants_fallbacks else FallbackFacts(),
        database=database,
        contracts=extract_contract_facts(tree, source, module, package, dict(database.aliases))
        if "contracts" in kinds else ContractFacts(),
        complexity=complexity,
        name_imports=extract_name_imports(tree, module, package) if "name_imports" in kinds else (),
        none_tests=extract_none_tests(tree) if "none_tests" in kinds else (),
    )
