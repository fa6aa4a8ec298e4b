"""Heuristic spam detection for incoming messages."""

import logging
import re
import time
from collections import defaultdict, deque
from typing import Any, Deque, Dict

from plexichat.infrastructure.modules.interfaces import BaseModule, ModuleCapability, ModulePermissions, ModuleState

_LINK_RE = re.compile(r"https?://\S+", re.IGNORECASE)


class SpamFilterModule(BaseModule):
    def __init__(self, name: str = "spam_filter", version: str = "2.0.0") -> None:
        self.name = name
        self.version = version
        self.state = ModuleState.LOADED
        self.logger = logging.getLogger(f"plexichat.modules.{name}")
        self._recent: Dict[str, Deque[float]] = defaultdict(deque)

    async def initialize(self) -> bool:
        config = self.get_current_config()
        self.max_links = config["max_links"]
        self.rate_limit = config["messages_per_minute"]
        return True

    def score(self, user_id: str, content: str, now: float = None) -> float:
        """Return a spam score in [0, 1]; 0.8 and above is rejected."""
        now = time.monotonic() if now is None else now
        window = self._recent[user_id]
        window.append(now)
        while window and now - window[0] > 60:
            window.popleft()

        score = 0.0
        if len(_LINK_RE.findall(content)) > self.max_links:
            score += 0.5
        if len(window) > self.rate_limit:
            score += 0.4
        letters = [c for c in content if c.isalpha()]
        if len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
            score += 0.2
        return min(score, 1.0)

    def get_required_permissions(self) -> ModulePermissions:
        return ModulePermissions(capabilities=[ModuleCapability.MESSAGING, ModuleCapability.SECURITY_SCANNING])

    def get_config_schema(self) -> Dict[str, Any]:
        return {
            "type": "object",
            "properties": {
                "max_links": {"type": "integer", "minimum": 0, "default": 3},
                "messages_per_minute": {"type": "integer", "minimum": 1, "default": 20},
            },
        }
