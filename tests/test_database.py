"""The database family on code written the way real services are, with no configuration."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import spy_on
from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.policy.database_access import MANAGER, RAW, DatabaseModel

REAL_SERVICE = {
    "app/__init__.py": "",
    "app/core/__init__.py": "",
    "app/core/db.py": """\
        from collections.abc import AsyncIterator

        from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

        engine = create_async_engine("postgresql+asyncpg://app@db/app")
        SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


        async def get_session() -> AsyncIterator[AsyncSession]:
            async with SessionLocal() as session:
                yield session
        """,
    "app/repositories/__init__.py": "",
    "app/repositories/users.py": """\
        from sqlalchemy import select
        from sqlalchemy.ext.asyncio import AsyncSession

        from app.models import User


        class UserRepository:
            def __init__(self, session: AsyncSession):
                self.session = session

            async def by_email(self, email):
                result = await self.session.execute(select(User).where(User.email == email))
                return result.scalar_one_or_none()
        """,
    "app/models.py": "class User:\n    email = None\n",
    "app/services/__init__.py": "",
    "app/services/users.py": """\
        from qdrant_client import AsyncQdrantClient

        from app.repositories.users import UserRepository


        class UserService:
            def __init__(self, session):
                self.users = UserRepository(session)
                self.vectors = AsyncQdrantClient(url="http://qdrant:6333")

            async def similar(self, user_id):
                return await self.vectors.query_points("users", query=user_id)
        """,
    "app/api/__init__.py": "",
    "app/api/users.py": """\
        from fastapi import APIRouter, Depends
        from sqlalchemy.ext.asyncio import AsyncSession

        from app.core.db import get_session
        from app.repositories.users import UserRepository

        router = APIRouter()


        @router.get("/users/{email}")
        async def read_user(email: str, session: AsyncSession = Depends(get_session)):
            repository = UserRepository(session)
            return await repository.by_email(email)
        """,
}


def _findings(cli, root):
    report = json.loads(cli("check", root, "--format", "json")[1])
    return {(f["path"], f["line"], f["code"]) for f in report["findings"]}


MANAGER_DECLARED = '[tool.plexilint.database]\nfallback-manager = ["platform.db.get_fallback_manager"]\n'


def test_a_real_fastapi_sqlalchemy_service_is_caught_once_a_manager_is_declared(project, cli):
    root = project(REAL_SERVICE, MANAGER_DECLARED)
    found = _findings(cli, root)
    assert ("app/repositories/users.py", 12, "PLX201") in found  # session stored on self
    assert ("app/api/users.py", 12, "PLX201") in found  # repository built on a Depends() session
    assert ("app/api/users.py", 4, "PLX202") in found  # the session factory imported
    assert ("app/services/users.py", 9, "PLX201") in found  # client constructed
    assert ("app/services/users.py", 12, "PLX201") in found  # client on self, another method
    assert ("app/services/users.py", 1, "PLX202") in found
    # The engine module is not guarded; query builders are not access; the annotation-only
    # AsyncSession import in the API is not an import of access.
    assert not {f for f in found if f[0] in ("app/core/db.py", "app/models.py")}
    assert ("app/repositories/users.py", 1, "PLX202") not in found
    assert ("app/api/users.py", 2, "PLX202") not in found


def test_the_same_service_without_a_manager_gets_one_note_instead_of_findings(project, cli):
    root = project(REAL_SERVICE, "")
    status, out, _ = cli("check", root, "--no-cache")
    assert status == 0
    assert out.count("note: the database rules PLX201-PLX203, PLX205 and PLX206 are off: no database fallback manager") == 1
    assert "fallback-manager = [" in out  # how to declare one
    report = json.loads(cli("check", root, "--no-cache", "--format", "json")[1])
    assert report["findings"] == []
    assert [n["source"] for n in report["summary"]["notes"]] == ["PLX2"]
    assert cli("check", root, "--no-cache", "--quiet")[1] == ""
    assert "note:" not in cli("check", root, "--no-cache", "--select", "PLX204")[1]  # needs no manager


@pytest.mark.skipif(sys.version_info < (3, 11), reason="`except*` is Python 3.11 syntax")
def test_imports_and_definitions_under_try_except_star_count(project, cli):
    root = project({
        "app/__init__.py": "",
        "app/db.py": "from sqlalchemy import create_engine\n\nengine = create_engine('sqlite://')\n",
        "app/services/__init__.py": "",
        "app/services/reports.py": """\
            try:
                from app.db import engine
            except* ImportError:
                engine = None

            try:
                def nightly_totals():
                    with engine.connect() as conn:
                        return conn.execute("SELECT 1")
            except* NameError:
                pass
            """,
    }, MANAGER_DECLARED)
    found = {(line, code) for path, line, code in _findings(cli, root) if path == "app/services/reports.py"}
    assert found == {(2, "PLX202"), (8, "PLX201"), (9, "PLX201")}


def test_going_through_the_manager_is_clean(project, cli):
    root = project({
        "app/__init__.py": "",
        "app/database/__init__.py": "from .factories import get_fallback_manager\n",
        "app/database/factories.py": """\
            import sqlite3


            class DatabaseFallbackManager:
                def __init__(self):
                    self.clients = [sqlite3.connect("a.db"), sqlite3.connect("b.db")]

                def execute(self, sql):
                    for client in self.clients:
                        try:
                            return client.execute(sql)
                        except sqlite3.Error:
                            continue
                    raise RuntimeError("all down")


            def get_fallback_manager():
                return DatabaseFallbackManager()
            """,
        "app/services/__init__.py": "",
        "app/services/stats.py": """\
            from app.database import get_fallback_manager


            def count():
                manager = get_fallback_manager()
                return manager.execute("SELECT COUNT(*) FROM messages")
            """,
    }, "")
    assert _findings(cli, root) == set()


@pytest.mark.parametrize(
    ("dotted", "category"),
    [
        ("sqlite3", RAW),
        ("sqlite3.connect", RAW),
        ("sqlalchemy.ext.asyncio.AsyncSession", RAW),
        ("sqlalchemy.create_engine", RAW),
        ("redis.asyncio.from_url", RAW),
        ("qdrant_client.QdrantClient", RAW),
        ("sqlalchemy.text", None),
        ("sqlalchemy.select", None),
        ("qdrant_client.models.PointStruct", None),
        ("json.loads", None),
        # A name alone makes nothing a manager: it must be declared, or found in the project.
        ("app.database.factories.get_fallback_manager", None),
        ("app.db.DatabaseFallbackManager", None),
    ],
)
def test_built_in_knowledge(tmp_path, dotted, category):
    model = DatabaseModel(ProjectIndex(tmp_path, []), Config())
    assert model.verdict(f"sym:{dotted}").category == category


def test_configured_raw_access_and_manager(tmp_path):
    config = Config().replace(**{"database.raw-access": ["vendor.gateway.*"],
                                 "database.fallback-manager": ["shop.infra.manager"]})
    model = DatabaseModel(ProjectIndex(tmp_path, []), config)
    assert model.verdict("sym:vendor.gateway.Gateway").category == RAW
    assert model.verdict("sym:shop.infra.manager").category == MANAGER
    assert model.verdict("sym:app.database.get_fallback_manager").category is None


# -- the fallback manager: found, named, never an unrelated one ------------------------------

UNRELATED_AND_REAL_MANAGERS = {
    "app/__init__.py": "",
    "app/llm/__init__.py": "",
    "app/llm/providers.py": """\
        class FallbackProviderManager:
            def __init__(self, openai_client, anthropic_client):
                self.providers = [openai_client, anthropic_client]

            def complete(self, prompt):
                for provider in self.providers:
                    try:
                        return provider.complete(prompt)
                    except ConnectionError:
                        continue
                raise RuntimeError(prompt)


        def get_fallback_manager():
            return FallbackProviderManager(None, None)
        """,
    "app/platform/__init__.py": "from app.platform.storage import get_storage\n",
    "app/platform/storage.py": """\
        import psycopg


        class AllDatabasesUnavailableError(RuntimeError):
            pass


        class StorageRouter:
            def __init__(self, primary, replica):
                self.primary = primary
                self.replica = replica

            def query(self, sql):
                for store in (self.primary, self.replica):
                    try:
                        return store.execute(sql)
                    except psycopg.OperationalError:
                        continue
                raise AllDatabasesUnavailableError(sql)


        def get_storage() -> StorageRouter:
            return StorageRouter(psycopg.connect("dbname=a"), psycopg.connect("dbname=b"))
        """,
    "app/services/__init__.py": "",
    "app/services/reports.py": """\
        import psycopg


        def nightly():
            return psycopg.connect("dbname=a").execute("SELECT 1")
        """,
}


def test_the_manager_is_found_by_what_it_does_and_named_with_its_import(project, cli):
    root = project(UNRELATED_AND_REAL_MANAGERS)
    report = json.loads(cli("check", root, "--no-cache", "--format", "json")[1])
    messages = [f["message"] for f in report["findings"] if f["code"] == "PLX201"]
    assert messages, report
    for message in messages:  # never the language-model manager's accessor
        assert "`get_storage()`" in message and "(from app.platform import get_storage)" in message, message
        assert "get_fallback_manager" not in message
    statistics = cli("check", root, "--no-cache", "--statistics")[1]
    assert "note: Database fallback manager: app.platform.storage.StorageRouter (found: it keeps database " \
           "clients (self.primary, self.replica)" in statistics
    assert "Database fallback manager" not in cli("check", root, "--no-cache")[1]  # shown on request only


def test_the_manager_is_looked_for_once_per_run(project, monkeypatch):
    from plexilint.policy import database_access as database_model_module

    calls = spy_on(monkeypatch, database_model_module, "find_manager", lambda *args: 1)
    root = project(UNRELATED_AND_REAL_MANAGERS)
    from plexilint.config import load_config
    from plexilint.runner.project import analyse_project

    analysis = analyse_project(root, load_config(root))
    assert sum(len(f) for f in analysis.findings.values()) >= 2
    assert calls == [1]


def test_show_settings_prints_the_effective_configuration_and_database_model(project, cli):
    root = project(UNRELATED_AND_REAL_MANAGERS, '[tool.plexilint.database]\noutage-error = "app.errors.Down"\n')
    status, out, _ = cli("check", root, "--no-cache", "--show-settings")
    assert status == 0
    assert "database.outage-error = \"app.errors.Down\"" in out
    assert "fallback manager: app.platform.storage.StorageRouter" in out
    assert "call: get_storage() (from app.platform import get_storage)" in out
    assert "outage-error: \"app.errors.Down\"" in out
    document = json.loads(cli("check", root, "--no-cache", "--show-settings", "--format", "json")[1])
    model = document[0]["database-model"]
    assert model["fallback-manager"]["classes"] == ["app.platform.storage.StorageRouter"]
    assert model["fallback-manager"]["accessors"] == ["app.platform.storage.get_storage"]
    assert model["guarded"] == document[0]["settings"]["database.guarded"]
    assert cli("check", root, "--show-settings", "--format", "sarif")[0] == 2


def test_show_settings_says_when_the_manager_is_configured_or_missing(project, cli):
    root = project(REAL_SERVICE, MANAGER_DECLARED)
    out = cli("check", root, "--no-cache", "--show-settings")[1]
    assert "fallback manager: platform.db.get_fallback_manager" in out
    assert "configured in [tool.plexilint.database]" in out
    assert "call: get_fallback_manager() (from platform.db import get_fallback_manager)" in out
    bare = project(REAL_SERVICE, "")
    out = cli("check", bare, "--no-cache", "--show-settings")[1]
    assert "fallback manager: none" in out and "declare it under [tool.plexilint.database]" in out


def test_made_up_data_is_reported_where_the_value_is(project, cli):
    root = project({
        "app/__init__.py": "",
        "app/services/__init__.py": "",
        "app/services/stats.py": """\
            import sqlite3


            def totals():
                try:
                    return sqlite3.connect("a.db").execute("SELECT 1").fetchall()
                except sqlite3.Error:
                    return {"total": 3, "active": 1}
            """,
    })
    report = json.loads(cli("check", root, "--no-cache", "--format", "json")[1])
    (finding,) = report["findings"]
    assert finding["code"] == "PLX204"
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (8, 16, 8, 41)
    assert "let the database error propagate" in finding["message"]


def test_no_manager_sample_in_the_language_server_and_every_front_end(checked_in_answers):
    from conftest import SAMPLES
    from plexilint.adapters.lsp.engine_calls import findings_for_buffers
    from plexilint.config import load_config

    root = SAMPLES / "fastapi_no_manager"
    paths = sorted(root.rglob("*.py"))
    by_path = findings_for_buffers(root, load_config(root), {p: p.read_bytes() for p in paths})
    editor = {(path.relative_to(root).as_posix(), f.line, f.code) for path, found in by_path.items() for f in found}
    assert editor == {("src/shop/services/catalog.py", 25, "PLX204")}
    # The same runs as the front-end parity test's on this sample.
    for host, (found, _) in {"flake8": checked_in_answers.flake8(root, jobs="2"),
                             "pylint": checked_in_answers.pylint(root, jobs="1")}.items():
        assert {(f[1], f[2]) for f in found if f[2].startswith("PLX2")} == {(25, "PLX204")}, host
