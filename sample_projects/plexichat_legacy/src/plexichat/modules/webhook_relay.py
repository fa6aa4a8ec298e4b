"""Relays selected chat events to external webhooks (Slack-compatible JSON)."""

import hashlib
import hmac
import json
from typing import Any, Dict

import requests

from plexichat.infrastructure.modules.interfaces import BaseModule, ModuleCapability, ModulePermissions


class WebhookRelayModule(BaseModule):
    def __init__(self, name: str = "webhook_relay", version: str = "1.0.3") -> None:
        super().__init__(name, version)
        self.session = requests.Session()

    async def initialize(self) -> bool:
        config = self.get_current_config()
        if "url" not in config:
            self.logger.error("webhook url is not configured")
            return False
        for event in config.get("events", ["message.created"]):
            self.register_event_handler(event, self.relay)
        return True

    def _signature(self, body: bytes) -> str:
        secret = self.get_current_config().get("secret", "").encode()
        return hmac.new(secret, body, hashlib.sha256).hexdigest()

    def relay(self, event: Dict[str, Any]) -> bool:
        config = self.get_current_config()
        body = json.dumps({"text": event.get("content", ""), "event": event}).encode()
        try:
            response = self.session.post(
                config["url"],
                data=body,
                headers={"Content-Type": "application/json", "X-PlexiChat-Signature": self._signature(body)},
                timeout=config["timeout"],
            )
            response.raise_for_status()
        except requests.RequestException as exc:
            self.metrics.record_error()
            self.logger.warning("webhook delivery failed: %s", exc)
            return False
        self.metrics.record_call()
        return True

    async def shutdown(self) -> bool:
        self.session.close()
        return await super().shutdown()

    def get_metadata(self) -> Dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "description": "Posts chat events to an outgoing webhook",
            "author": "Integrations Team",
        }

    def get_required_permissions(self) -> ModulePermissions:
        return ModulePermissions(capabilities=[ModuleCapability.MESSAGING])

    def get_config_schema(self) -> Dict[str, Any]:
        return {
            "type": "object",
            "properties": {
                "url": {"type": "string", "minLength": 1},
                "events": {"type": "array", "default": ["message.created"]},
                "timeout": {"type": "integer", "minimum": 1, "maximum": 30, "default": 0},
            },
            "required": ["url", "secret"],
        }
