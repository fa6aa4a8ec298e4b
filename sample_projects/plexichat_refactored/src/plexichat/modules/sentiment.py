"""Lexicon-based sentiment scoring used for moderation dashboards."""

import re
from typing import Any, Dict

from plexichat.infrastructure.modules.interfaces import BaseModule, ModuleCapability, ModulePermissions

_WORD_RE = re.compile(r"[a-z']+")

POSITIVE = frozenset({"good", "great", "love", "thanks", "awesome", "nice", "happy", "excellent", "glad"})
NEGATIVE = frozenset({"bad", "hate", "awful", "terrible", "angry", "sad", "worst", "broken", "annoying"})
NEGATIONS = frozenset({"not", "no", "never", "don't", "isn't", "wasn't"})


class SentimentModule(BaseModule):
    def __init__(self, name: str = "sentiment", version: str = "0.3.0") -> None:
        super().__init__(name, version)

    async def initialize(self) -> bool:
        """Read ``alert_threshold``: messages scoring at or below it are flagged.

        Returns False, with the error logged and kept in ``last_error``, when the
        setting cannot be read.
        """
        try:
            self.threshold = self.get_current_config()["alert_threshold"]
            return True
        except Exception as exc:
            self.last_error = exc
            self.logger.error("sentiment initialization failed: %s", exc)
            return False

    def analyze(self, content: str) -> Dict[str, Any]:
        words = _WORD_RE.findall(content.lower())
        score = 0
        for index, word in enumerate(words):
            polarity = (word in POSITIVE) - (word in NEGATIVE)
            if polarity and index and words[index - 1] in NEGATIONS:
                polarity = -polarity
            score += polarity
        normalized = score / max(len(words), 1)
        self.metrics.record_call()
        return {"score": round(normalized, 3), "flagged": normalized <= self.threshold}

    def get_metadata(self) -> Dict[str, Any]:
        """Name, version, description and author shown in the module registry."""
        return {
            "name": self.name,
            "version": self.version,
            "description": "Scores message sentiment and flags hostile conversations",
            "author": "Trust & Safety Team",
        }

    def get_required_permissions(self) -> ModulePermissions:
        """Scoring reads message text (user data) and runs locally: no I/O rights."""
        return ModulePermissions(
            capabilities=[ModuleCapability.AI_PROCESSING],
            user_data_access=True,
        )

    def get_config_schema(self) -> Dict[str, Any]:
        """``alert_threshold``: normalised score (-1..0) at or below which a message is flagged."""
        return {
            "type": "object",
            "properties": {
                "alert_threshold": {"type": "number", "minimum": -1, "maximum": 0, "default": -0.3},
            },
        }
