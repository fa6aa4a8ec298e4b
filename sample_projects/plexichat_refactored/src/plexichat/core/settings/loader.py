"""Building :class:`Settings` from the environment (a factory), and the process-wide instance.

Reading and validating configuration has no side effects; the few things a
fresh development checkout needs on disk are done by :func:`prepare_filesystem`,
which the application calls explicitly at start-up.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
from pathlib import Path
from typing import Dict, Mapping, Optional

from .base import AppSettings, Settings
from .cache import CacheSettings, IdempotencySettings, RedisSettings
from .database import DatabaseSettings, VectorSettings
from .features import FeatureFlags
from .files import FileSettings
from .mail import MailSettings
from .observability import ObservabilitySettings
from .security import (
    AuthSettings,
    PasswordPolicy,
    SecuritySettings,
    WebSecurity,
    check_security_policy,
    development_secret_key,
)
from .server import ServerSettings
from .sources import ENV_PREFIX, coerce_env_value, read_env_file, read_section

logger = logging.getLogger(__name__)

ENV_FILE_VARIABLE = "PLEXICHAT_ENV_FILE"
SECRET_KEY_FILE = Path(".plexichat_secret")

# section of Settings -> (its class, the prefix of its variables after PLEXICHAT_)
SECTIONS = {
    "app": (AppSettings, ""),
    "server": (ServerSettings, "SERVER_"),
    "database": (DatabaseSettings, "DATABASE_"),
    "vector": (VectorSettings, "VECTOR_"),
    "redis": (RedisSettings, "REDIS_"),
    "cache": (CacheSettings, "CACHE_"),
    "idempotency": (IdempotencySettings, "IDEMPOTENCY_"),
    "files": (FileSettings, ""),
    "observability": (ObservabilitySettings, ""),
    "mail": (MailSettings, ""),
}


def collect_sources(environ: Optional[Mapping[str, str]] = None, env_file: Optional[Path] = None) -> Dict[str, str]:
    """The ``.env`` file's values overridden by the environment's."""
    environ = dict(os.environ if environ is None else environ)
    env_file = env_file or Path(environ.get(ENV_FILE_VARIABLE, ".env"))
    return {**read_env_file(env_file), **environ}


def _security(source: Mapping[str, str], app: AppSettings) -> SecuritySettings:
    auth = read_section(AuthSettings, source, "")
    if app.is_development and not auth.secret_key:
        logger.warning("using a generated secret key; set PLEXICHAT_SECRET_KEY outside development")
        auth = dataclasses.replace(auth, secret_key=development_secret_key(SECRET_KEY_FILE))
    security = SecuritySettings(auth, read_section(PasswordPolicy, source, ""), read_section(WebSecurity, source, ""))
    check_security_policy(security, app.environment)
    return security


def load_settings(environ: Optional[Mapping[str, str]] = None, env_file: Optional[Path] = None) -> Settings:
    """Read and validate every section; raises ``SettingsError`` naming the variable to fix."""
    source = collect_sources(environ, env_file)
    sections = {name: read_section(cls, source, prefix) for name, (cls, prefix) in SECTIONS.items()}
    features = coerce_env_value(f"{ENV_PREFIX}FEATURES", source.get(f"{ENV_PREFIX}FEATURES", "{}"), {})
    return Settings(security=_security(source, sections["app"]), features=FeatureFlags(features), **sections)


def prepare_filesystem(settings: Settings) -> None:
    """Create the directories the settings point to (upload directory, SQLite database)."""
    settings.files.upload_dir.mkdir(parents=True, exist_ok=True)
    if settings.database.is_sqlite:
        Path(settings.database.name).parent.mkdir(parents=True, exist_ok=True)


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read on first use."""
    settings = load_settings()
    logger.info("settings loaded for %s", settings.app.environment)
    return settings


def reload_settings() -> Settings:
    """Re-read the settings (SIGHUP handler, tests); callers holding the old object keep it."""
    get_settings.cache_clear()
    return get_settings()
