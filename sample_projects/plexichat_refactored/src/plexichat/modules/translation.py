"""Machine translation of chat messages through an external HTTP API."""

from typing import Any, Dict, Optional, Set

import httpx

from plexichat.infrastructure.modules.interfaces import BaseModule, ModuleCapability, ModulePermissions


class TranslationModule(BaseModule):
    def __init__(self, name: str = "translation", version: str = "1.2.0") -> None:
        super().__init__(name, version)
        self.client: Optional[httpx.AsyncClient] = None
        self.languages: Set[str] = set()

    async def initialize(self) -> bool:
        """Open the HTTP client and load the languages the API supports.

        Returns False, with the error logged and kept in ``last_error``, when no
        ``api_key`` is configured, the API is unreachable or its answer is unusable.
        """
        try:
            config = self.get_current_config()
            if not config.get("api_key"):
                self.logger.error("translation api_key is not configured")
                return False
            self.client = httpx.AsyncClient(
                base_url=config["endpoint"],
                headers={"Authorization": f"Bearer {config['api_key']}"},
                timeout=config["timeout"],
            )
            response = await self.client.get("/languages")
            response.raise_for_status()
            self.languages = {item["code"] for item in response.json()}
            return True
        except httpx.HTTPError as exc:
            self.last_error = exc
            self.metrics.record_error()
            self.logger.error("translation API unreachable: %s", exc)
            return False
        except (KeyError, TypeError, ValueError) as exc:
            self.last_error = exc
            self.metrics.record_error()
            self.logger.error("unusable translation configuration or /languages response: %s", exc)
            return False

    async def translate(self, text: str, target: str, source: Optional[str] = None) -> str:
        if self.client is None:
            raise RuntimeError("module not initialized")
        if target not in self.languages:
            raise ValueError(f"unsupported target language: {target}")
        self.metrics.record_call()
        response = await self.client.post("/translate", json={"q": text, "target": target, "source": source})
        response.raise_for_status()
        return response.json()["translatedText"]

    async def shutdown(self) -> bool:
        """Close the HTTP client, then mark the module unloaded.

        Returns False, with the error logged and kept in ``last_error``, when the
        client cannot be closed cleanly.
        """
        try:
            if self.client is not None:
                await self.client.aclose()
                self.client = None
            return await super().shutdown()
        except Exception as exc:
            self.last_error = exc
            self.logger.error("translation shutdown failed: %s", exc)
            return False

    def get_metadata(self) -> Dict[str, Any]:
        """Name, version, description and author shown in the module registry."""
        return {
            "name": self.name,
            "version": self.version,
            "description": "Translates messages on demand via a LibreTranslate-compatible API",
            "author": "PlexiChat Team",
            "capabilities": ["messaging", "external_api"],
        }

    def get_required_permissions(self) -> ModulePermissions:
        """The translation service is an external HTTP API reached over the network."""
        return ModulePermissions(
            capabilities=[ModuleCapability.MESSAGING, ModuleCapability.EXTERNAL_API],
            network_access=True,
            external_api_access=True,
        )

    def get_config_schema(self) -> Dict[str, Any]:
        """``api_key`` (required), the API ``endpoint`` and the request ``timeout`` in seconds."""
        return {
            "type": "object",
            "properties": {
                "api_key": {"type": "string", "minLength": 1},
                "endpoint": {"type": "string", "default": "https://translate.example.org"},
                "timeout": {"type": "integer", "minimum": 1, "maximum": 60, "default": 10},
            },
            "required": ["api_key"],
        }
