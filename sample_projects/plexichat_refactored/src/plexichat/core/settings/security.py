"""Authentication, passwords and browser-facing security settings.

What is acceptable depends on the environment: each environment maps to a
policy function (a strategy) instead of ``if environment == ...`` branches
spread through the validation.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List

from .validation import check_between, check_choice, require

logger = logging.getLogger(__name__)

JWT_ALGORITHMS = ("HS256", "HS384", "HS512", "RS256", "ES256")
WEAK_SECRETS = frozenset({"changeme", "secret", "plexichat", "development", "insecure", "password"})


@dataclass
class AuthSettings:
    """Signing and lifetime of access and refresh tokens."""

    secret_key: str = ""
    jwt_algorithm: str = "HS256"
    access_token_minutes: int = 30
    refresh_token_days: int = 14

    def __post_init__(self) -> None:
        check_choice("JWT_ALGORITHM", self.jwt_algorithm, JWT_ALGORITHMS)
        check_between("ACCESS_TOKEN_MINUTES", self.access_token_minutes, 1, 24 * 60)

    @property
    def has_strong_secret(self) -> bool:
        return len(self.secret_key) >= 32 and self.secret_key.lower() not in WEAK_SECRETS

    def jwt_options(self, issuer: str) -> Dict[str, Any]:
        return {"key": self.secret_key, "algorithm": self.jwt_algorithm, "issuer": issuer,
                "access_expires": self.access_token_minutes * 60, "refresh_expires": self.refresh_token_days * 86_400}


@dataclass
class PasswordPolicy:
    password_min_length: int = 10
    password_require_symbols: bool = True

    def __post_init__(self) -> None:
        require(self.password_min_length >= 8, "PASSWORD_MIN_LENGTH", "must be at least 8")

    def problems(self, password: str) -> List[str]:
        """What ``password`` lacks under the policy (empty when it is acceptable)."""
        rules = [
            (len(password) >= self.password_min_length, f"at least {self.password_min_length} characters"),
            (not self.password_require_symbols or not password.isalnum(), "at least one symbol"),
            (password.lower() not in WEAK_SECRETS, "not a common password"),
        ]
        return [problem for satisfied, problem in rules if not satisfied]


@dataclass
class WebSecurity:
    """What browsers may do: origins, hosts, cookies, CSRF and rate limits."""

    cors_origins: List[str] = field(default_factory=lambda: ["http://localhost:3000"])
    allowed_hosts: List[str] = field(default_factory=lambda: ["*"])
    session_cookie_secure: bool = False
    csrf_enabled: bool = True
    rate_limit_per_minute: int = 120

    @property
    def plain_http_origins(self) -> List[str]:
        return [origin for origin in self.cors_origins if origin.startswith("http://") and "localhost" not in origin]

    def cors_options(self) -> Dict[str, Any]:
        return {
            "allow_origins": list(self.cors_origins),
            "allow_credentials": "*" not in self.cors_origins,
            "allow_methods": ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            "allow_headers": ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-ID"],
        }


@dataclass
class SecuritySettings:
    auth: AuthSettings = field(default_factory=AuthSettings)
    passwords: PasswordPolicy = field(default_factory=PasswordPolicy)
    web: WebSecurity = field(default_factory=WebSecurity)


def _production_policy(security: SecuritySettings) -> None:
    require(security.auth.has_strong_secret, "SECRET_KEY", "a random key of at least 32 characters is required")
    web = security.web
    require("*" not in web.cors_origins + web.allowed_hosts, "CORS_ORIGINS", "wildcards are not allowed in production")
    require(web.session_cookie_secure, "SESSION_COOKIE_SECURE", "must be on in production")
    require(not web.plain_http_origins, "CORS_ORIGINS", f"{', '.join(web.plain_http_origins)} must use https")


def _development_policy(security: SecuritySettings) -> None:
    require(bool(security.auth.secret_key), "SECRET_KEY", "missing (the loader generates one in development)")
    if not security.auth.has_strong_secret:
        logger.warning("weak secret key: acceptable in development only")


ENVIRONMENT_POLICIES: Dict[str, Callable[[SecuritySettings], None]] = {
    "production": _production_policy,
    "staging": _production_policy,
    "development": _development_policy,
    "testing": _development_policy,
}


def check_security_policy(security: SecuritySettings, environment: str) -> None:
    check_choice("ENVIRONMENT", environment, ENVIRONMENT_POLICIES)
    ENVIRONMENT_POLICIES[environment](security)


def development_secret_key(path: Path) -> str:
    """The key kept in ``path``, created on first use, so sessions survive restarts in development."""
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(48)
    try:
        path.write_text(key, encoding="utf-8")
        path.chmod(0o600)
    except OSError as exc:
        logger.warning("could not persist the generated secret key: %s", exc)
    return key
