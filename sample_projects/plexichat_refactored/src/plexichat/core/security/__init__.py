"""Authentication, authorization and cryptographic helpers."""

import hashlib
import hmac
import os

from plexichat.core.utils.fallbacks import (
    AuthManager,
    SecurityContext,
    SecurityManager,
    get_fallback_instance,
    get_module_version,
    require_permission,
    verify_token,
)

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


security_manager = get_fallback_instance("SecurityManager")


def get_security_manager():
    return security_manager


# Alias kept for plug-ins written against the 0.7 API
AuthenticationManager = AuthManager

__version__ = get_module_version()

__all__ = [
    "AuthManager",
    "AuthenticationManager",
    "SecurityContext",
    "SecurityManager",
    "get_security_manager",
    "hash_password",
    "require_permission",
    "security_manager",
    "verify_password",
    "verify_token",
    "__version__",
]
