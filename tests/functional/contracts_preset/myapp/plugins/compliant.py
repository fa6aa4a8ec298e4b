"""A module that keeps every clause of the contract: nothing here is reported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional

import httpx

from myapp.core.interfaces import BaseModule, ModuleCapability, ModulePermissions


class LinkPreviewModule(BaseModule):
    """Fetches link previews from an external service and caches them on disk."""

    def __init__(self, name: str = "link_preview", version: str = "1.4.0") -> None:
        super().__init__(name, version)
        self.client: Optional[httpx.AsyncClient] = None
        self.cache_dir = Path("./data/previews")

    async def initialize(self) -> bool:
        """Open the HTTP client and the cache directory; False (error recorded) on failure."""
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            self.client = httpx.AsyncClient(base_url=self.config.get("endpoint", "https://preview.example.org"))
            return True
        except Exception as error:
            self.last_error = error
            self.logger.error("link preview initialization failed: %s", error)
            return False

    async def start(self) -> bool:
        """Check the service answers before taking traffic."""
        try:
            response = await self.client.get("/ping")
            response.raise_for_status()
            return await super().start()
        except httpx.HTTPError as error:
            self.last_error = error
            self.logger.error("preview service unreachable: %s", error)
            return False

    async def stop(self) -> bool:
        """Nothing to release until shutdown: just mark the module stopped."""
        self.state = "loaded"
        return True

    async def shutdown(self) -> bool:
        """Close the HTTP client."""
        try:
            if self.client is not None:
                await self.client.aclose()
            return True
        except Exception as error:
            self.logger.error("link preview shutdown failed: %s", error)
            return False

    async def preview(self, url: str) -> Dict[str, Any]:
        cached = self.cache_dir / f"{abs(hash(url))}.json"
        if cached.exists():
            return json.loads(cached.read_text(encoding="utf-8"))
        response = await self.client.get("/preview", params={"url": url})
        data = response.json()
        cached.write_text(json.dumps(data), encoding="utf-8")
        return data

    async def health_check(self) -> Dict[str, Any]:
        """The base report plus whether the HTTP client is open."""
        health = await super().health_check()
        health["client_open"] = self.client is not None
        return health

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": self.name, "version": self.version, "description": "Link previews", "author": "Chat team"}

    def get_required_permissions(self) -> ModulePermissions:
        """Network to reach the service (an external API), file system for the cache."""
        return ModulePermissions(
            capabilities=[ModuleCapability.MESSAGING, ModuleCapability.EXTERNAL_API],
            network_access=True,
            external_api_access=True,
            file_system_access=True,
        )

    def get_config_schema(self) -> Dict[str, Any]:
        """`endpoint` of the preview service and the request `timeout`."""
        return {
            "type": "object",
            "properties": {
                "endpoint": {"type": "string", "format": "uri", "default": "https://preview.example.org"},
                "timeout": {"type": "integer", "minimum": 1, "maximum": 60, "default": 10},
                "mode": {"enum": ["fast", "full"], "default": "fast"},
            },
            "required": ["endpoint"],
        }
