"""The settings of a PlexiChat process: one small object per domain, composed.

Each section validates itself when built; rules that span sections (the
security policy depends on the environment) are applied by :mod:`.loader`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cache import CacheSettings, IdempotencySettings, RedisSettings
from .database import DatabaseSettings, VectorSettings
from .features import FeatureFlags
from .files import FileSettings
from .mail import MailSettings
from .observability import ObservabilitySettings
from .security import AuthSettings, SecuritySettings
from .server import ServerSettings
from .validation import check_choice

ENVIRONMENTS = ("development", "testing", "staging", "production")


@dataclass
class AppSettings:
    app_name: str = "PlexiChat"
    environment: str = "development"
    debug: bool = False
    version: str = "0.9.0"

    def __post_init__(self) -> None:
        self.environment = self.environment.lower()
        check_choice("ENVIRONMENT", self.environment, ENVIRONMENTS)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def is_development(self) -> bool:
        return self.environment in ("development", "testing")


@dataclass
class Settings:
    app: AppSettings = field(default_factory=AppSettings)
    server: ServerSettings = field(default_factory=ServerSettings)
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    vector: VectorSettings = field(default_factory=VectorSettings)
    security: SecuritySettings = field(
        default_factory=lambda: SecuritySettings(auth=AuthSettings(secret_key="development-only")))
    redis: RedisSettings = field(default_factory=RedisSettings)
    cache: CacheSettings = field(default_factory=CacheSettings)
    idempotency: IdempotencySettings = field(default_factory=IdempotencySettings)
    files: FileSettings = field(default_factory=FileSettings)
    observability: ObservabilitySettings = field(default_factory=ObservabilitySettings)
    mail: MailSettings = field(default_factory=MailSettings)
    features: FeatureFlags = field(default_factory=FeatureFlags)
