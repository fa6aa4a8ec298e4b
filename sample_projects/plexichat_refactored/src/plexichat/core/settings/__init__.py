"""PlexiChat settings, one module per domain.

``get_settings()`` returns the process-wide :class:`Settings`; its sections
(``settings.database``, ``settings.security``...) are small validated objects.
"""

from .base import AppSettings, Settings
from .cache import CacheSettings, IdempotencySettings, RedisSettings
from .database import DatabaseSettings, VectorSettings
from .features import FeatureFlags
from .files import FileSettings
from .loader import get_settings, load_settings, prepare_filesystem, reload_settings
from .mail import MailSettings
from .observability import ObservabilitySettings
from .report import describe_settings
from .security import AuthSettings, PasswordPolicy, SecuritySettings, WebSecurity
from .server import ServerSettings
from .sources import coerce_env_value
from .validation import SettingsError

__all__ = [
    "AppSettings",
    "AuthSettings",
    "CacheSettings",
    "DatabaseSettings",
    "FeatureFlags",
    "FileSettings",
    "IdempotencySettings",
    "MailSettings",
    "ObservabilitySettings",
    "PasswordPolicy",
    "RedisSettings",
    "SecuritySettings",
    "ServerSettings",
    "Settings",
    "SettingsError",
    "VectorSettings",
    "WebSecurity",
    "coerce_env_value",
    "describe_settings",
    "get_settings",
    "load_settings",
    "prepare_filesystem",
    "reload_settings",
]
