"""Application settings for PlexiChat.

Every tunable of the server lives on :class:`Settings`. Values come from, in
increasing priority:

1. the defaults written next to each field below,
2. a ``.env`` file (``PLEXICHAT_ENV_FILE``, default ``./.env``),
3. ``PLEXICHAT_*`` environment variables (``PLEXICHAT_DATABASE_HOST=db``).

Environment values are strings; :func:`coerce_env_value` turns them into the
type of the field's default. Validation runs when the object is built, and in
development it also repairs what it can (it generates a secret key, creates
the upload directory) so that a fresh checkout starts without any setup.

Use :func:`get_settings` to obtain the process-wide instance.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import quote_plus, urlparse

logger = logging.getLogger(__name__)

ENV_PREFIX = "PLEXICHAT_"
ENV_FILE_VARIABLE = "PLEXICHAT_ENV_FILE"
VALID_ENVIRONMENTS = ("development", "testing", "staging", "production")
VALID_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
VALID_JWT_ALGORITHMS = ("HS256", "HS384", "HS512", "RS256", "ES256")
TRUTHY = frozenset({"1", "true", "yes", "on", "y", "t"})
FALSY = frozenset({"0", "false", "no", "off", "n", "f", ""})
WEAK_SECRETS = frozenset({"changeme", "secret", "plexichat", "development", "insecure", "password"})
DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306, "sqlite": 0, "redis": 6379}
SECRET_KEY_FILE = ".plexichat_secret"
DEFAULT_FEATURES = {
    "voice": False,
    "federation": False,
    "message_search": True,
    "ai_moderation": False,
    "plugins": True,
    "read_receipts": True,
}
# Features that only work when another one is on.
FEATURE_REQUIREMENTS = {"ai_moderation": "plugins", "federation": "message_search"}

_settings: Optional["Settings"] = None


class SettingsError(ValueError):
    """A setting is missing, malformed or unsafe for the current environment."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def read_env_file(path: Path) -> Dict[str, str]:
    """Parse ``KEY=value`` lines; ``#`` starts a comment, quotes are stripped."""
    values: Dict[str, str] = {}
    if not path.is_file():
        return values
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export "):]
        name, separator, value = line.partition("=")
        if not separator:
            logger.warning("%s:%d: ignoring line without '='", path, number)
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[name.strip()] = value
    return values


def coerce_env_value(name: str, raw: str, default: Any) -> Any:
    """Convert the string ``raw`` to the type of ``default``."""
    if default is None:
        return raw or None
    if isinstance(default, bool):
        lowered = raw.strip().lower()
        if lowered in TRUTHY:
            return True
        if lowered in FALSY:
            return False
        raise SettingsError(name, f"expected a boolean, got {raw!r}")
    elif isinstance(default, int):
        text = raw.strip().replace("_", "")
        if not text.lstrip("+-").isdigit():
            raise SettingsError(name, f"expected an integer, got {raw!r}")
        return int(text)
    elif isinstance(default, float):
        try:
            value = float(raw.strip())
        except ValueError:
            raise SettingsError(name, f"expected a number, got {raw!r}") from None
        return value
    elif isinstance(default, Path):
        return Path(raw.strip()).expanduser()
    elif isinstance(default, (list, tuple)):
        text = raw.strip()
        if text.startswith("["):
            items = json.loads(text)
        else:
            items = [item.strip() for item in text.split(",") if item.strip()]
        return type(default)(items)
    elif isinstance(default, dict):
        parsed = json.loads(raw)
        if not isinstance(parsed, dict):
            raise SettingsError(name, "expected a JSON object")
        return parsed
    elif isinstance(default, str):
        return raw
    else:
        raise SettingsError(name, f"unsupported setting type {type(default).__name__}")


class Settings:
    """All PlexiChat settings, read once at start-up.

    Fields are plain attributes named ``<section>_<name>`` (``database_host``,
    ``redis_port``); derived values (``database_url``, ``base_url``...) are
    properties, and ``*_options()`` methods return the keyword arguments the
    corresponding library expects. Building the object validates everything:
    an invalid value raises :class:`SettingsError` naming the variable to fix.

    >>> settings = Settings({"PLEXICHAT_SERVER_PORT": "9000"})
    >>> settings.bind_address
    '127.0.0.1:9000'
    """

    def __init__(self, environ: Optional[Mapping[str, str]] = None, env_file: Optional[Path] = None) -> None:
        environ = dict(os.environ if environ is None else environ)
        env_file = env_file or Path(environ.get(ENV_FILE_VARIABLE, ".env"))
        self._sources: Dict[str, str] = {**read_env_file(env_file), **environ}
        self._env_file = env_file

        # -- application ---------------------------------------------------
        self.app_name = self._get("APP_NAME", "PlexiChat")
        self.environment = self._get("ENVIRONMENT", "development").lower()
        self.debug = self._get("DEBUG", False)
        self.version = self._get("VERSION", "0.9.0")
        # -- server --------------------------------------------------------
        self.server_host = self._get("SERVER_HOST", "127.0.0.1")
        self.server_port = self._get("SERVER_PORT", 8000)
        self.server_workers = self._get("SERVER_WORKERS", 0)
        self.server_reload = self._get("SERVER_RELOAD", False)
        self.server_root_path = self._get("SERVER_ROOT_PATH", "")
        self.server_public_url = self._get("SERVER_PUBLIC_URL", None)
        self.server_proxy_headers = self._get("SERVER_PROXY_HEADERS", True)
        self.server_forwarded_allow_ips = self._get("SERVER_FORWARDED_ALLOW_IPS", ["127.0.0.1"])
        self.server_keepalive_seconds = self._get("SERVER_KEEPALIVE_SECONDS", 5)
        self.server_graceful_timeout = self._get("SERVER_GRACEFUL_TIMEOUT", 30.0)
        # -- database ------------------------------------------------------
        self.database_driver = self._get("DATABASE_DRIVER", "sqlite")
        self.database_host = self._get("DATABASE_HOST", "localhost")
        self.database_port = self._get("DATABASE_PORT", 0)
        self.database_name = self._get("DATABASE_NAME", "./data/plexichat.db")
        self.database_user = self._get("DATABASE_USER", "")
        self.database_password = self._get("DATABASE_PASSWORD", "")
        self.database_pool_size = self._get("DATABASE_POOL_SIZE", 10)
        self.database_max_overflow = self._get("DATABASE_MAX_OVERFLOW", 20)
        self.database_pool_timeout = self._get("DATABASE_POOL_TIMEOUT", 30.0)
        self.database_echo = self._get("DATABASE_ECHO", False)
        self.database_ssl_mode = self._get("DATABASE_SSL_MODE", "prefer")
        self.vector_url = self._get("VECTOR_URL", "http://localhost:6333")
        self.vector_api_key = self._get("VECTOR_API_KEY", None)
        self.vector_collection = self._get("VECTOR_COLLECTION", "messages")
        self.database_recheck_after = self._get("DATABASE_RECHECK_AFTER", 30.0)
        # -- security ------------------------------------------------------
        self.secret_key = self._get("SECRET_KEY", "")
        self.jwt_algorithm = self._get("JWT_ALGORITHM", "HS256")
        self.access_token_minutes = self._get("ACCESS_TOKEN_MINUTES", 30)
        self.refresh_token_days = self._get("REFRESH_TOKEN_DAYS", 14)
        self.password_min_length = self._get("PASSWORD_MIN_LENGTH", 10)
        self.password_require_symbols = self._get("PASSWORD_REQUIRE_SYMBOLS", True)
        self.cors_origins = self._get("CORS_ORIGINS", ["http://localhost:3000"])
        self.allowed_hosts = self._get("ALLOWED_HOSTS", ["*"])
        self.session_cookie_secure = self._get("SESSION_COOKIE_SECURE", False)
        self.csrf_enabled = self._get("CSRF_ENABLED", True)
        self.rate_limit_per_minute = self._get("RATE_LIMIT_PER_MINUTE", 120)
        # -- cache and idempotency -----------------------------------------
        self.redis_host = self._get("REDIS_HOST", "")
        self.redis_port = self._get("REDIS_PORT", 6379)
        self.redis_db = self._get("REDIS_DB", 0)
        self.redis_password = self._get("REDIS_PASSWORD", "")
        self.redis_ssl = self._get("REDIS_SSL", False)
        self.cache_default_ttl = self._get("CACHE_DEFAULT_TTL", 300)
        self.cache_max_entries = self._get("CACHE_MAX_ENTRIES", 10_000)
        self.cache_ttl_overrides = self._get("CACHE_TTL_OVERRIDES", {"presence": 30, "profile": 900})
        self.idempotency_ttl_seconds = self._get("IDEMPOTENCY_TTL_SECONDS", 86_400)
        self.idempotency_in_progress_ttl = self._get("IDEMPOTENCY_IN_PROGRESS_TTL", 60)
        self.idempotency_shards = self._get("IDEMPOTENCY_SHARDS", 16)
        # -- files ---------------------------------------------------------
        self.upload_dir = self._get("UPLOAD_DIR", Path("./data/uploads"))
        self.max_upload_mb = self._get("MAX_UPLOAD_MB", 25)
        self.allowed_extensions = self._get("ALLOWED_EXTENSIONS", ["png", "jpg", "jpeg", "gif", "pdf", "txt"])
        # -- observability -------------------------------------------------
        self.log_level = self._get("LOG_LEVEL", "INFO").upper()
        self.log_json = self._get("LOG_JSON", False)
        self.metrics_enabled = self._get("METRICS_ENABLED", True)
        self.sentry_dsn = self._get("SENTRY_DSN", None)
        self.trace_sample_rate = self._get("TRACE_SAMPLE_RATE", 0.0)
        # -- email ---------------------------------------------------------
        self.smtp_host = self._get("SMTP_HOST", "")
        self.smtp_port = self._get("SMTP_PORT", 587)
        self.smtp_user = self._get("SMTP_USER", "")
        self.smtp_password = self._get("SMTP_PASSWORD", "")
        self.smtp_use_tls = self._get("SMTP_USE_TLS", True)
        self.email_from = self._get("EMAIL_FROM", "PlexiChat <noreply@localhost>")
        # -- features ------------------------------------------------------
        self.features = self._get("FEATURES", dict(DEFAULT_FEATURES))

        self._validate_server()
        self._validate_database()
        self._validate_security()
        self._validate_cache()
        self._validate_files()
        self._validate_observability()
        self._validate_email()
        self._validate_features()

    def _get(self, name: str, default: Any) -> Any:
        raw = self._sources.get(ENV_PREFIX + name)
        if raw is None:
            return default
        return coerce_env_value(ENV_PREFIX + name, raw, default)

    def source_of(self, name: str) -> str:
        """Where a setting came from: ``environment``, ``env-file`` or ``default``."""
        key = ENV_PREFIX + name.upper()
        if key in os.environ:
            return "environment"
        if key in self._sources:
            return f"env-file ({self._env_file})"
        return "default"

    # ------------------------------------------------------------- server
    @property
    def bind_address(self) -> str:
        host = self.server_host
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"{host}:{self.server_port}"

    @property
    def base_url(self) -> str:
        if self.server_public_url:
            return self.server_public_url.rstrip("/")
        scheme = "http"
        host = "localhost" if self.server_host in ("0.0.0.0", "::") else self.server_host
        return f"{scheme}://{host}:{self.server_port}{self.server_root_path}"

    @property
    def effective_workers(self) -> int:
        if self.server_workers > 0:
            return self.server_workers
        if self.server_reload:
            return 1
        return min(max((os.cpu_count() or 1) * 2 + 1, 2), 16)

    def server_options(self) -> Dict[str, Any]:
        """Keyword arguments for ``uvicorn.run``."""
        return {
            "host": self.server_host,
            "port": self.server_port,
            "workers": 1 if self.server_reload else self.server_workers or None,
            "reload": self.server_reload,
            "root_path": self.server_root_path,
            "proxy_headers": self.server_proxy_headers,
            "forwarded_allow_ips": ",".join(self.server_forwarded_allow_ips),
            "timeout_keep_alive": self.server_keepalive_seconds,
            "timeout_graceful_shutdown": self.server_graceful_timeout,
        }

    def _validate_server(self) -> None:
        if not 0 < self.server_port < 65536:
            raise SettingsError("SERVER_PORT", f"{self.server_port} is not a TCP port")
        if self.server_workers < 0:
            raise SettingsError("SERVER_WORKERS", "must be 0 (automatic) or positive")
        if self.server_root_path and not self.server_root_path.startswith("/"):
            self.server_root_path = "/" + self.server_root_path
        self.server_root_path = self.server_root_path.rstrip("/")
        if self.server_public_url:
            parsed = urlparse(self.server_public_url)
            if parsed.scheme not in ("http", "https") or not parsed.netloc:
                raise SettingsError("SERVER_PUBLIC_URL", f"{self.server_public_url!r} is not an absolute URL")
        if self.server_graceful_timeout < self.server_keepalive_seconds:
            logger.warning("graceful timeout shorter than keep-alive; idle connections are cut on shutdown")

    # ----------------------------------------------------------- database
    @property
    def database_url(self) -> str:
        if self.database_driver == "sqlite":
            return f"sqlite+aiosqlite:///{self.database_name}"
        port = self.database_port or DEFAULT_PORTS.get(self.database_driver, 0)
        credentials = ""
        if self.database_user:
            credentials = quote_plus(self.database_user)
            if self.database_password:
                credentials += ":" + quote_plus(self.database_password)
            credentials += "@"
        driver = {"postgresql": "postgresql+asyncpg", "mysql": "mysql+aiomysql"}[self.database_driver]
        return f"{driver}://{credentials}{self.database_host}:{port}/{self.database_name}"

    @property
    def database_url_masked(self) -> str:
        if not self.database_password:
            return self.database_url
        return self.database_url.replace(quote_plus(self.database_password), "***")

    @property
    def database_is_sqlite(self) -> bool:
        return self.database_driver == "sqlite"

    def database_engine_options(self) -> Dict[str, Any]:
        """Keyword arguments for ``create_async_engine``."""
        if self.database_driver == "sqlite":
            return {"echo": self.database_echo, "connect_args": {"check_same_thread": False}}
        options: Dict[str, Any] = {
            "echo": self.database_echo,
            "pool_size": self.database_pool_size,
            "max_overflow": self.database_max_overflow,
            "pool_timeout": self.database_pool_timeout,
            "pool_pre_ping": True,
        }
        if self.database_driver == "postgresql" and self.database_ssl_mode != "disable":
            options["connect_args"] = {"ssl": self.database_ssl_mode}
        return options

    def vector_options(self) -> Dict[str, Any]:
        return {
            "url": self.vector_url,
            "api_key": self.vector_api_key,
            "collection": self.vector_collection,
            "recheck_after": self.database_recheck_after,
        }

    def _validate_database(self) -> None:
        if self.database_driver not in DEFAULT_PORTS or self.database_driver == "redis":
            raise SettingsError("DATABASE_DRIVER", f"unsupported driver {self.database_driver!r}")
        if self.database_driver == "sqlite":
            Path(self.database_name).parent.mkdir(parents=True, exist_ok=True)
        elif not self.database_user:
            raise SettingsError("DATABASE_USER", f"required for {self.database_driver}")
        if self.database_pool_size < 1:
            raise SettingsError("DATABASE_POOL_SIZE", "must be at least 1")
        if self.database_max_overflow < 0:
            self.database_max_overflow = 0
        if self.database_ssl_mode not in ("disable", "prefer", "require", "verify-full"):
            raise SettingsError("DATABASE_SSL_MODE", f"unknown mode {self.database_ssl_mode!r}")
        if not urlparse(self.vector_url).scheme:
            raise SettingsError("VECTOR_URL", f"{self.vector_url!r} is not a URL")
        if self.database_recheck_after <= 0:
            raise SettingsError("DATABASE_RECHECK_AFTER", "must be positive")

    # ----------------------------------------------------------- security
    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def is_development(self) -> bool:
        return self.environment in ("development", "testing")

    @property
    def access_token_seconds(self) -> int:
        return self.access_token_minutes * 60

    @property
    def refresh_token_seconds(self) -> int:
        return self.refresh_token_days * 86_400

    def jwt_options(self) -> Dict[str, Any]:
        return {
            "key": self.secret_key,
            "algorithm": self.jwt_algorithm,
            "access_expires": self.access_token_minutes * 60,
            "refresh_expires": self.refresh_token_days * 86_400,
            "issuer": self.app_name.lower(),
        }

    def password_policy(self) -> Dict[str, Any]:
        return {
            "min_length": self.password_min_length,
            "require_symbols": self.password_require_symbols,
            "require_digits": self.password_min_length >= 12 or self.environment == "production",
        }

    def cors_options(self) -> Dict[str, Any]:
        return {
            "allow_origins": list(self.cors_origins),
            "allow_credentials": "*" not in self.cors_origins,
            "allow_methods": ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            "allow_headers": ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-ID"],
        }

    def check_password(self, password: str) -> List[str]:
        """Problems with ``password`` under the configured policy (empty when it is acceptable)."""
        problems = []
        if len(password) < self.password_min_length:
            problems.append(f"at least {self.password_min_length} characters")
        if self.password_require_symbols and password.isalnum():
            problems.append("at least one symbol")
        if password.lower() in WEAK_SECRETS:
            problems.append("not a common password")
        return problems

    def _validate_security(self) -> None:
        """Check the security settings, and in development fill in what is missing."""
        if self.environment not in VALID_ENVIRONMENTS:
            raise SettingsError("ENVIRONMENT", f"must be one of {', '.join(VALID_ENVIRONMENTS)}")
        if not self.secret_key or self.secret_key.lower() in WEAK_SECRETS:
            if self.environment in ("development", "testing"):
                key_file = Path(SECRET_KEY_FILE)
                if key_file.is_file():
                    self.secret_key = key_file.read_text(encoding="utf-8").strip()
                else:
                    self.secret_key = secrets.token_urlsafe(48)
                    try:
                        key_file.write_text(self.secret_key, encoding="utf-8")
                        key_file.chmod(0o600)
                    except OSError as exc:
                        logger.warning("could not persist the generated secret key: %s", exc)
                logger.warning("using a generated secret key; set PLEXICHAT_SECRET_KEY outside development")
            else:
                raise SettingsError("SECRET_KEY", "a strong secret key is required outside development")
        elif len(self.secret_key) < 32:
            if self.environment == "production":
                raise SettingsError("SECRET_KEY", "must be at least 32 characters in production")
            else:
                logger.warning("secret key shorter than 32 characters")
        if self.jwt_algorithm not in VALID_JWT_ALGORITHMS:
            raise SettingsError("JWT_ALGORITHM", f"unsupported algorithm {self.jwt_algorithm!r}")
        if self.environment == "production":
            if "*" in self.cors_origins or "*" in self.allowed_hosts:
                raise SettingsError("CORS_ORIGINS", "wildcards are not allowed in production")
            if not self.session_cookie_secure:
                logger.warning("forcing SESSION_COOKIE_SECURE in production")
                self.session_cookie_secure = True
            for origin in self.cors_origins:
                if origin.startswith("http://") and "localhost" not in origin:
                    raise SettingsError("CORS_ORIGINS", f"{origin} must use https in production")
        if self.access_token_minutes > 24 * 60 or self.access_token_minutes < 1:
            raise SettingsError("ACCESS_TOKEN_MINUTES", "must be between 1 minute and 1 day")
        if self.password_min_length < 8:
            raise SettingsError("PASSWORD_MIN_LENGTH", "must be at least 8")

    # -------------------------------------------------- cache, idempotency
    @property
    def redis_url(self) -> Optional[str]:
        if not self.redis_host:
            return None
        scheme = "rediss" if self.redis_ssl else "redis"
        auth = f":{quote_plus(self.redis_password)}@" if self.redis_password else ""
        return f"{scheme}://{auth}{self.redis_host}:{self.redis_port}/{self.redis_db}"

    @property
    def cache_enabled(self) -> bool:
        return self.cache_max_entries > 0 and self.cache_default_ttl > 0

    def cache_ttl_for(self, kind: str) -> int:
        """TTL for one kind of cached object; falls back to the default TTL."""
        return int(self.cache_ttl_overrides.get(kind, self.cache_default_ttl))

    def idempotency_options(self) -> Dict[str, Any]:
        return {
            "ttl_seconds": self.idempotency_ttl_seconds,
            "in_progress_ttl_seconds": self.idempotency_in_progress_ttl,
            "shards": self.idempotency_shards,
            "redis_prefix": f"{self.app_name.lower()}:idem:",
        }

    def _validate_cache(self) -> None:
        if self.redis_host and not 0 < self.redis_port < 65536:
            raise SettingsError("REDIS_PORT", f"{self.redis_port} is not a TCP port")
        if not 0 <= self.redis_db <= 15:
            raise SettingsError("REDIS_DB", "must be between 0 and 15")
        if self.cache_default_ttl < 0 or self.cache_max_entries < 0:
            raise SettingsError("CACHE_DEFAULT_TTL", "cache sizes and TTLs cannot be negative")
        for kind, ttl in self.cache_ttl_overrides.items():
            if not isinstance(ttl, int) or ttl < 0:
                raise SettingsError("CACHE_TTL_OVERRIDES", f"TTL for {kind!r} must be a non-negative integer")
        if self.idempotency_in_progress_ttl >= self.idempotency_ttl_seconds:
            raise SettingsError("IDEMPOTENCY_IN_PROGRESS_TTL", "must be shorter than IDEMPOTENCY_TTL_SECONDS")
        if self.idempotency_shards < 1 or self.idempotency_shards & (self.idempotency_shards - 1):
            raise SettingsError("IDEMPOTENCY_SHARDS", "must be a power of two")

    # -------------------------------------------------------------- files
    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    def is_allowed_upload(self, filename: str, size: int) -> bool:
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        return extension in self.allowed_extensions and 0 < size <= self.max_upload_mb * 1024 * 1024

    def upload_path(self, owner_id: str, filename: str) -> Path:
        safe_name = Path(filename).name.replace(" ", "_")
        return self.upload_dir / owner_id[:2] / owner_id / safe_name

    def _validate_files(self) -> None:
        self.allowed_extensions = [ext.lower().lstrip(".") for ext in self.allowed_extensions]
        if self.max_upload_mb <= 0 or self.max_upload_mb > 1024:
            raise SettingsError("MAX_UPLOAD_MB", "must be between 1 and 1024")
        if not self.upload_dir.is_absolute():
            self.upload_dir = Path.cwd() / self.upload_dir
        try:
            self.upload_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SettingsError("UPLOAD_DIR", f"cannot create {self.upload_dir}: {exc}") from exc

    # ------------------------------------------------------ observability
    def logging_config(self) -> Dict[str, Any]:
        """A ``logging.config.dictConfig`` document."""
        formatter = "json" if self.log_json else "plain"
        return {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "plain": {"format": "%(asctime)s %(levelname)-8s %(name)s: %(message)s"},
                "json": {"()": "plexichat.core.logging.JsonFormatter"},
            },
            "handlers": {"console": {"class": "logging.StreamHandler", "formatter": formatter}},
            "root": {"level": self.log_level, "handlers": ["console"]},
        }

    def tracing_options(self) -> Optional[Dict[str, Any]]:
        if not self.sentry_dsn:
            return None
        return {"dsn": self.sentry_dsn, "traces_sample_rate": self.trace_sample_rate}

    def _validate_observability(self) -> None:
        if self.log_level not in VALID_LOG_LEVELS:
            raise SettingsError("LOG_LEVEL", f"must be one of {', '.join(VALID_LOG_LEVELS)}")
        if not 0.0 <= self.trace_sample_rate <= 1.0:
            raise SettingsError("TRACE_SAMPLE_RATE", "must be between 0 and 1")
        if self.sentry_dsn and not urlparse(self.sentry_dsn).netloc:
            raise SettingsError("SENTRY_DSN", "is not a DSN URL")
        if self.log_level == "DEBUG" and not self.metrics_enabled:
            logger.info("debug logging without metrics: performance problems will be hard to see")

    # -------------------------------------------------------------- email
    @property
    def email_enabled(self) -> bool:
        return bool(self.smtp_host)

    @property
    def email_sender_address(self) -> str:
        sender = self.email_from
        if "<" in sender and sender.endswith(">"):
            return sender[sender.index("<") + 1:-1]
        return sender

    def smtp_options(self) -> Optional[Dict[str, Any]]:
        """Keyword arguments for ``aiosmtplib.SMTP``, or None when email is off."""
        if not self.smtp_host:
            return None
        return {
            "hostname": self.smtp_host,
            "port": self.smtp_port,
            "username": self.smtp_user or None,
            "password": self.smtp_password or None,
            "start_tls": self.smtp_use_tls and self.smtp_port != 465,
            "use_tls": self.smtp_port == 465,
        }

    def _validate_email(self) -> None:
        if not self.smtp_host:
            return
        if not 0 < self.smtp_port < 65536:
            raise SettingsError("SMTP_PORT", f"{self.smtp_port} is not a TCP port")
        if self.smtp_user and not self.smtp_password:
            raise SettingsError("SMTP_PASSWORD", "required when SMTP_USER is set")
        if "@" not in self.email_from:
            raise SettingsError("EMAIL_FROM", f"{self.email_from!r} has no address")
        if not self.smtp_use_tls and self.smtp_port != 25:
            logger.warning("SMTP without TLS on port %d: passwords travel in clear text", self.smtp_port)

    # ----------------------------------------------------------- features
    @property
    def voice_enabled(self) -> bool:
        return bool(self.features.get("voice"))

    @property
    def federation_enabled(self) -> bool:
        return bool(self.features.get("federation"))

    @property
    def message_search_enabled(self) -> bool:
        return bool(self.features.get("message_search"))

    @property
    def ai_moderation_enabled(self) -> bool:
        return bool(self.features.get("ai_moderation"))

    @property
    def plugins_enabled(self) -> bool:
        return bool(self.features.get("plugins"))

    @property
    def read_receipts_enabled(self) -> bool:
        return bool(self.features.get("read_receipts"))

    def feature_enabled(self, name: str) -> bool:
        return bool(self.features.get(name, DEFAULT_FEATURES.get(name, False)))

    def _validate_features(self) -> None:
        unknown = sorted(set(self.features) - set(DEFAULT_FEATURES))
        if unknown:
            logger.warning("ignoring unknown feature flags: %s", ", ".join(unknown))
            for name in unknown:
                del self.features[name]
        for name, default in DEFAULT_FEATURES.items():
            self.features.setdefault(name, default)
        for feature, required in FEATURE_REQUIREMENTS.items():
            if self.features[feature] and not self.features[required]:
                logger.warning("feature %r needs %r; turning it off", feature, required)
                self.features[feature] = False

    # ---------------------------------------------------------- reporting
    def to_dict(self, *, reveal_secrets: bool = False) -> Dict[str, Any]:
        hidden = {"secret_key", "database_password", "redis_password", "vector_api_key", "sentry_dsn"}
        result = {}
        for name, value in sorted(vars(self).items()):
            if name.startswith("_"):
                continue
            if name in hidden and value and not reveal_secrets:
                value = "***"
            result[name] = str(value) if isinstance(value, Path) else value
        return result


    def as_env_lines(self) -> List[str]:
        """The settings as ``PLEXICHAT_*=value`` lines, e.g. to write a ``.env`` for a new node."""
        lines = []
        for name, value in self.to_dict(reveal_secrets=True).items():
            if isinstance(value, (list, tuple)):
                value = ",".join(str(item) for item in value)
            elif isinstance(value, dict):
                value = json.dumps(value, sort_keys=True)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            lines.append(f"{ENV_PREFIX}{name.upper()}={'' if value is None else value}")
        return lines


def describe_settings(settings: Settings) -> List[Tuple[str, str, str]]:
    """Rows for the admin panel's settings page: (section, name, value), secrets masked."""
    rows: List[Tuple[str, str, str]] = []
    values = settings.to_dict()
    sections = {
        "server_": "server",
        "database_": "database",
        "vector_": "database",
        "redis_": "cache",
        "cache_": "cache",
        "idempotency_": "idempotency",
        "log_": "observability",
        "metrics_": "observability",
        "trace_": "observability",
        "sentry_": "observability",
        "smtp_": "email",
        "email_": "email",
        "features": "features",
    }
    for name, value in values.items():
        section = "application"
        for prefix, title in sections.items():
            if name.startswith(prefix):
                section = title
                break
        if name in ("secret_key", "jwt_algorithm", "cors_origins", "allowed_hosts", "csrf_enabled"):
            section = "security"
        elif name.startswith(("access_token", "refresh_token", "password_", "session_", "rate_limit")):
            section = "security"
        elif name in ("upload_dir", "max_upload_mb", "allowed_extensions"):
            section = "files"
        if isinstance(value, (list, tuple)):
            shown = ", ".join(str(item) for item in value) or "(none)"
        elif isinstance(value, dict):
            shown = json.dumps(value, sort_keys=True)
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        elif value is None or value == "":
            shown = "(not set)"
        else:
            shown = str(value)
        rows.append((section, name, shown))
    rows.append(("database", "database_url", settings.database_url_masked))
    rows.append(("server", "base_url", settings.base_url))
    rows.append(("server", "effective_workers", str(settings.effective_workers)))
    if settings.redis_url:
        url = settings.redis_url
        if settings.redis_password:
            url = url.replace(quote_plus(settings.redis_password), "***")
        rows.append(("cache", "redis_url", url))
    else:
        rows.append(("cache", "redis_url", "(in-process cache only)"))
    if settings.is_production:
        rows.append(("application", "mode", "production"))
    elif settings.debug:
        rows.append(("application", "mode", f"{settings.environment} (debug)"))
    else:
        rows.append(("application", "mode", settings.environment))
    tracing = settings.tracing_options()
    if tracing is not None:
        rows.append(("observability", "tracing", f"{tracing['traces_sample_rate']:.0%} of requests"))
    else:
        rows.append(("observability", "tracing", "disabled"))
    rows.sort(key=lambda row: (row[0], row[1]))
    return rows


def get_settings() -> Settings:
    """Return the process-wide settings, reading them on first use."""
    global _settings
    if _settings is None:
        _settings = Settings()
        logger.info("settings loaded for %s (%s)", _settings.environment, _settings.source_of("ENVIRONMENT"))
    return _settings


def reload_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    """Re-read the settings (SIGHUP handler, tests); callers holding the old object keep it."""
    global _settings
    _settings = Settings(environ)
    return _settings
