"""Feature flags (``PLEXICHAT_FEATURES``, a JSON object of flag -> bool)."""

from __future__ import annotations

import logging
from typing import Dict, Mapping

logger = logging.getLogger(__name__)

DEFAULT_FEATURES: Dict[str, bool] = {
    "voice": False,
    "federation": False,
    "message_search": True,
    "ai_moderation": False,
    "plugins": True,
    "read_receipts": True,
}
# Features that only work when another one is on.
REQUIREMENTS = {"ai_moderation": "plugins", "federation": "message_search"}


class FeatureFlags:
    """Known flags with their defaults; a flag whose requirement is off is off."""

    def __init__(self, configured: Mapping[str, bool] = ()) -> None:
        configured = dict(configured)
        unknown = sorted(set(configured) - set(DEFAULT_FEATURES))
        if unknown:
            logger.warning("ignoring unknown feature flags: %s", ", ".join(unknown))
        self._flags = {name: bool(configured.get(name, default)) for name, default in DEFAULT_FEATURES.items()}
        for feature, required in REQUIREMENTS.items():
            if self._flags[feature] and not self._flags[required]:
                logger.warning("feature %r needs %r; turning it off", feature, required)
                self._flags[feature] = False

    def enabled(self, name: str) -> bool:
        return self._flags.get(name, False)

    def as_dict(self) -> Dict[str, bool]:
        return dict(self._flags)
