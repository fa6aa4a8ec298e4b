"""SQL and vector database settings (``PLEXICHAT_DATABASE_*``, ``PLEXICHAT_VECTOR_*``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional
from urllib.parse import quote_plus

from .validation import check_choice, check_url, require

# driver -> (SQLAlchemy async dialect, default port)
DIALECTS = {
    "sqlite": ("sqlite+aiosqlite", 0),
    "postgresql": ("postgresql+asyncpg", 5432),
    "mysql": ("mysql+aiomysql", 3306),
}
SSL_MODES = ("disable", "prefer", "require", "verify-full")


@dataclass
class DatabaseSettings:
    driver: str = "sqlite"
    host: str = "localhost"
    port: int = 0  # 0: the driver's default port
    name: str = "./data/plexichat.db"
    user: str = ""
    password: str = ""
    pool_size: int = 10
    max_overflow: int = 20
    pool_timeout: float = 30.0
    echo: bool = False
    ssl_mode: str = "prefer"
    recheck_after: float = 30.0

    def __post_init__(self) -> None:
        check_choice("DATABASE_DRIVER", self.driver, DIALECTS)
        require(self.is_sqlite or bool(self.user), "DATABASE_USER", f"required for {self.driver}")
        require(self.pool_size >= 1, "DATABASE_POOL_SIZE", "must be at least 1")
        require(self.max_overflow >= 0, "DATABASE_MAX_OVERFLOW", "cannot be negative")
        check_choice("DATABASE_SSL_MODE", self.ssl_mode, SSL_MODES)
        require(self.recheck_after > 0, "DATABASE_RECHECK_AFTER", "must be positive")

    @property
    def is_sqlite(self) -> bool:
        return self.driver == "sqlite"

    def url(self, *, mask_password: bool = False) -> str:
        dialect, default_port = DIALECTS[self.driver]
        if self.is_sqlite:
            return f"{dialect}:///{self.name}"
        password = "***" if mask_password else quote_plus(self.password)
        credentials = quote_plus(self.user) + (f":{password}" if self.password else "")
        return f"{dialect}://{credentials}@{self.host}:{self.port or default_port}/{self.name}"

    def engine_options(self) -> Dict[str, Any]:
        """Keyword arguments for ``create_async_engine``."""
        if self.is_sqlite:
            return {"echo": self.echo, "connect_args": {"check_same_thread": False}}
        options: Dict[str, Any] = {"echo": self.echo, "pool_size": self.pool_size, "max_overflow": self.max_overflow,
                                   "pool_timeout": self.pool_timeout, "pool_pre_ping": True}
        if self.driver == "postgresql" and self.ssl_mode != "disable":
            options["connect_args"] = {"ssl": self.ssl_mode}
        return options


@dataclass
class VectorSettings:
    url: str = "http://localhost:6333"
    api_key: Optional[str] = None
    collection: str = "messages"

    def __post_init__(self) -> None:
        check_url("VECTOR_URL", self.url)
