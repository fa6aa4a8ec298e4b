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
        """Subscribe :meth:`relay` to the configured events.

        Returns False, with the error logged and kept in ``last_error``, when no
        webhook ``url`` is configured or the subscription fails.
        """
        try:
            config = self.get_current_config()
            if "url" not in config:
                self.logger.error("webhook url is not configured")
                return False
            for event in config.get("events", ["message.created"]):
                self.register_event_handler(event, self.relay)
            return True
        except Exception as exc:
            self.last_error = exc
            self.logger.error("webhook relay initialization failed: %s", exc)
            return False

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
        """Close the HTTP session, then mark the module unloaded.

        Returns False, with the error logged and kept in ``last_error``, when the
        session cannot be closed cleanly.
        """
        try:
            self.session.close()
            return await super().shutdown()
        except Exception as exc:
            self.last_error = exc
            self.logger.error("webhook relay shutdown failed: %s", exc)
            return False

    def get_metadata(self) -> Dict[str, Any]:
        """Name, version, description and author shown in the module registry."""
        return {
            "name": self.name,
            "version": self.version,
            "description": "Posts chat events to an outgoing webhook",
            "author": "Integrations Team",
        }

    def get_required_permissions(self) -> ModulePermissions:
        """Events are POSTed to an external webhook service over the network."""
        return ModulePermissions(
            capabilities=[ModuleCapability.MESSAGING, ModuleCapability.EXTERNAL_API],
            network_access=True,
            external_api_access=True,
        )

    def get_config_schema(self) -> Dict[str, Any]:
        """Webhook ``url`` and signing ``secret`` (required), ``events`` to relay, ``timeout``."""
        return {
            "type": "object",
            "properties": {
                "url": {"type": "string", "minLength": 1},
                "secret": {"type": "string", "minLength": 16},
                "events": {"type": "array", "default": ["message.created"]},
                "timeout": {"type": "integer", "minimum": 1, "maximum": 30, "default": 5},
            },
            "required": ["url", "secret"],
        }
