"""The database family on code written the way real services are, with no configuration."""

from __future__ import annotations

import json
import sys

import pytest

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.rules.database.model import MANAGER, RAW, DatabaseModel

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


def test_a_real_fastapi_sqlalchemy_service_is_caught_without_configuration(project, cli):
    root = project(REAL_SERVICE, "")
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
    })
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
        ("app.database.factories.get_fallback_manager", MANAGER),
        ("app.db.DatabaseFallbackManager", MANAGER),
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
