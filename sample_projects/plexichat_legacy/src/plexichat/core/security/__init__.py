"""Authentication, authorization and cryptographic helpers."""

import hashlib
import hmac
import logging
import os

try:
    from plexichat.core.config import get_config
except ImportError:
    get_config = lambda key, default=None: default  # type: ignore

logger = logging.getLogger(__name__)

_PBKDF2_ROUNDS = 390_000


def hash_password(password: str, *, salt: bytes = None) -> str:
    """PBKDF2-SHA256 hash in ``pbkdf2_sha256$rounds$salt$hash`` form."""
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, _PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${_PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        algorithm, rounds, salt_hex, digest_hex = encoded.split("$")
    except ValueError:
        return False
    if algorithm != "pbkdf2_sha256":
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt_hex), int(rounds))
    return hmac.compare_digest(candidate.hex(), digest_hex)


try:
    from .crypto import decrypt_payload, encrypt_payload
except ImportError:
    logger.warning("message payload encryption unavailable (cryptography not installed)")

try:
    from .security_manager import SecurityContext, SecurityManager, security_manager
    from .auth import AuthManager, require_permission, verify_token
except ImportError:
    logger.warning("using fallback security manager")

    class SecurityManager:
        pass

    class AuthManager:
        def __init__(self):
            pass

        def authenticate(self, *args, **kwargs):
            pass

    class SecurityContext:
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

    security_manager = None

    def verify_token(*args, **kwargs):
        return None

    def require_permission(*args, **kwargs):
        def decorator(func):
            return func

        return decorator


# Aliases kept for plug-ins written against the 0.7 API
AuthenticationManager = AuthManager
get_security_manager = lambda: security_manager  # noqa: E731

__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "AuthManager",
    "AuthenticationManager",
    "SecurityContext",
    "SecurityManager",
    "decrypt_payload",
    "encrypt_payload",
    "get_security_manager",
    "hash_password",
    "require_permission",
    "security_manager",
    "verify_password",
    "verify_token",
    "__version__",
]
