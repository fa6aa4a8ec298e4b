"""Heuristic spam detection for incoming messages."""

import re
import time
from collections import defaultdict, deque
from typing import Any, Deque, Dict

from plexichat.infrastructure.modules.interfaces import BaseModule, ModuleCapability, ModulePermissions

_LINK_RE = re.compile(r"https?://\S+", re.IGNORECASE)


def _is_shouting(content: str) -> bool:
    """More than 80% capitals in a message of at least 12 letters."""
    letters = [c for c in content if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.8


class SpamFilterModule(BaseModule):
    def __init__(self, name: str = "spam_filter", version: str = "2.0.0") -> None:
        super().__init__(name, version)
        self._recent: Dict[str, Deque[float]] = defaultdict(deque)

    async def initialize(self) -> bool:
        """Load the link and flood limits from the configuration.

        Returns False, with the error logged and kept in ``last_error``, when the
        settings cannot be read.
        """
        try:
            config = self.get_current_config()
            self.max_links = config["max_links"]
            self.rate_limit = config["messages_per_minute"]
            return True
        except Exception as exc:
            self.last_error = exc
            self.logger.error("spam filter initialization failed: %s", exc)
            return False

    def score(self, user_id: str, content: str, now: float = None) -> float:
        """Return a spam score in [0, 1]; 0.8 and above is rejected."""
        recent = self._record_message(user_id, time.monotonic() if now is None else now)
        signals = (
            (0.5, len(_LINK_RE.findall(content)) > self.max_links),
            (0.4, recent > self.rate_limit),
            (0.2, _is_shouting(content)),
        )
        total = sum(weight for weight, present in signals if present)
        return min(float(total), 1.0)

    def _record_message(self, user_id: str, now: float) -> int:
        """Add a message to the user's one-minute window; return how many it now holds."""
        window = self._recent[user_id]
        window.append(now)
        while window and now - window[0] > 60:
            window.popleft()
        return len(window)

    def get_metadata(self) -> Dict[str, Any]:
        """Name, version, description and author shown in the module registry."""
        return {
            "name": self.name,
            "version": self.version,
            "description": "Scores incoming messages for links, flooding and shouting",
            "author": "PlexiChat Team",
        }

    def get_required_permissions(self) -> ModulePermissions:
        """Scoring is in-memory: messaging and security scanning, no I/O rights."""
        return ModulePermissions(capabilities=[ModuleCapability.MESSAGING, ModuleCapability.SECURITY_SCANNING])

    def get_config_schema(self) -> Dict[str, Any]:
        """``max_links`` per message and ``messages_per_minute`` per user."""
        return {
            "type": "object",
            "properties": {
                "max_links": {"type": "integer", "minimum": 0, "default": 3},
                "messages_per_minute": {"type": "integer", "minimum": 1, "default": 20},
            },
        }
