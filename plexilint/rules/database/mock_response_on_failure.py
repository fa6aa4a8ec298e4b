from __future__ import annotations

import re
from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.policy.database_access import DatabaseModel, database_model, is_test_module
from plexilint.rules.base import Rule
from plexilint.rules.database.failure_paths import catches_database_error, database_tries

_MOCK_MODULE = re.compile(r"^(mock|mocks|fake|fakes|dummy|dummies|stub|stubs|fixtures|mock_data|fake_data)$")


class MockResponseOnFailure(Rule):
    """## What it does
    Reports made-up data returned on a database failure path, in any module but tests (the
    fallback manager's own package included): in an
    `except` branch of a `try` that talks to a database (or that catches a database error), or
    in an `if` branch on "database unavailable" (`if not db_available:`, `if self.client is
    None:`). Made-up data is a non-empty literal container (`{"total": 0, "mock": True}`), an
    object built from literals (`Stats(total=0)`), a value named mock/fake/dummy/stub, or a call
    to a helper named like one (`_generate_mock_results()`). A status or error payload
    (`{"error": str(error)}`, `{"success": False, "message": ...}`, `{"status": "unhealthy"}`)
    is not made-up data: it tells the caller what happened. Also reports guarded modules that
    import from mock, fake or fixture modules. This rule needs no fallback manager.

    ## Why is this bad?
    A mock response turns an outage into wrong answers: dashboards show zero messages, search
    shows invented results, and nothing alerts anyone. The spec is explicit: real data, or a
    clear error (503) when every database is down. Never mock data.

    ## Example
    ```python
    # myapp/services/stats.py
    import sqlite3

    def overview():
        try:
            return sqlite3.connect("app.db").execute("SELECT COUNT(*) FROM messages").fetchone()
        except sqlite3.Error:
            return {"total_messages": 0, "mock": True}
    ```

    Use instead:
    ```python
    # myapp/services/stats.py
    from myapp.database.factories import get_fallback_manager

    def overview():
        # AllDatabasesUnavailableError propagates; the API turns it into a 503.
        return get_fallback_manager().execute("SELECT COUNT(*) FROM messages")
    ```

    ## Options
    - `database.outage-error`
    - `database.guarded`
    - `database.allowed`

    ## Fix
    No automatic fix: only a human can say what a caller should get. Remove the made-up value
    and let the outage error propagate (the API turns it into a 503, see PLX205), or return a
    real empty result where the operation truly has none. Production code imports nothing from
    mock, fake or fixture modules.

    To keep it, end the reported line with `# noqa: PLX204` (pylint:
    `# pylint: disable=mock-response-on-failure`).
    """

    code = "PLX204"
    symbol = "mock-response-on-failure"
    category = "E"
    summary = "Made-up data returned when the database fails"
    reads = frozenset({"database"})
    options = ("database.outage-error", "database.guarded", "database.allowed")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        model = database_model(index, config)
        outage = config["database.outage-error"].rsplit(".", 1)[-1]
        error = f"`{outage}`" if model.manager.exists else "the database error"
        advice = f"let {error} propagate (the API answers 503) instead of inventing data"
        for file in index.files:
            if is_test_module(file.module):
                continue  # mock data belongs in tests, and nowhere else (the manager's package neither)
            yield from self._in_failing_handlers(file, model, outage, advice)
            yield from self._in_unavailable_branches(file, model, advice)
            if model.is_guarded(file):
                yield from self._mock_imports(file)

    def _in_failing_handlers(self, file: FileFacts, model: DatabaseModel, outage: str,
                             advice: str) -> Iterator[Finding]:
        for try_block, in_body in database_tries(file, model):
            for handler in try_block.handlers:
                if not (in_body or catches_database_error(handler, outage)):
                    continue
                for span, reason in handler.fabricated:
                    yield self.finding(
                        file, span,
                        f"Returns made-up data ({reason}) when the database call fails: {advice}",
                        key=f"{try_block.function}:{reason}",
                    )

    def _in_unavailable_branches(self, file: FileFacts, model: DatabaseModel, advice: str) -> Iterator[Finding]:
        for branch in file.database.unavailable_branches:
            if branch.sources and not any(model.verdict(s).category is not None for s in branch.sources):
                continue  # `if schema.type is None:` tests something that is no database handle
            for span, reason in branch.fabricated:
                yield self.finding(
                    file, span,
                    f"Returns made-up data ({reason}) when the database is unavailable: {advice}",
                    key=f"{branch.function}:{reason}",
                )

    def _mock_imports(self, file: FileFacts) -> Iterator[Finding]:
        for binding in file.database.imports:
            # The module itself is a mock one (`app.testing.fakes`), not a package on the way
            # (`providers.dummy.forms` is a real module of a provider named "dummy").
            if any(_MOCK_MODULE.match(part) for part in binding.origin.split(".")[-2:]):
                yield self.finding(
                    file, binding.span,
                    f"Production code imports `{binding.name}` from `{binding.origin.rsplit('.', 1)[0]}`: "
                    "mock and fake data belong in tests, never in a response",
                    key=binding.origin,
                    noqa_lines=(binding.statement_line,),  # a multi-line import's first line
                )
