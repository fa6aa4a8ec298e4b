"""Each class was once misjudged by a PLX3 rule; the comments say how."""

from pathlib import Path
from typing import Any, Dict
from urllib.parse import quote

from app import core
from app.core import BaseModule, ModulePermissions


class WorkOutsideTry(BaseModule):
    async def initialize(self) -> bool:  # [lifecycle-error-handling]
        self.url = self.load_url()  # may raise, outside the try
        try:
            await self.connect()
            return True
        except Exception as error:
            self.last_error = error
            return False

    def get_metadata(self) -> "Dict[str, Any]":  # a quoted annotation is the same annotation
        return {**self.base_metadata(), "author": "team"}  # spread: keys unknown, not reported

    def get_required_permissions(self) -> core.ModulePermissions:  # module prefix: same type
        return ModulePermissions()


class NestedTry(BaseModule):
    async def initialize(self) -> bool:
        if self.enabled:
            try:
                await self.connect()
            except Exception as error:
                self.last_error = error
                return False
        return True

    async def shutdown(self) -> bool:  # [lifecycle-error-handling]
        try:
            await self.disconnect()
            return True
        except Exception:
            self.running = False  # not a record of the error
            return False

    def get_metadata(self) -> Dict[str, Any]:
        return {"name": "n", "version": "1", "description": "d", "author": "a"}

    def get_required_permissions(self) -> ModulePermissions:
        return ModulePermissions()

    def link(self, query):
        self.cache.touch(query)  # not a file
        return "https://example.com/?q=" + quote(query)  # urllib.parse: no network


class LazyImports(BaseModule):
    async def initialize(self) -> bool:
        try:
            import httpx  # [permission-undeclared]

            self.page = httpx.get("https://example.com").text
            Path("page.html").open("w").write(self.page)  # [permission-undeclared]
            return True
        except Exception as error:
            self.last_error = error
            return False

    def get_metadata(self) -> Dict[str, Any]:
        return {"name": "n", "version": "1", "description": "d", "author": "a"}

    def get_required_permissions(self) -> ModulePermissions:
        return ModulePermissions(capabilities=[core.ModuleCapability.TELEPATHY])  # [capability-unknown]


class RuntimePermissions(BaseModule):
    async def initialize(self) -> bool:
        try:
            import requests

            return requests.get("https://example.com").ok
        except Exception as error:
            self.last_error = error
            return False

    def get_metadata(self) -> Dict[str, Any]:
        return {"name": "n", "version": "1", "description": "d", "author": "a"}

    def get_required_permissions(self) -> ModulePermissions:
        permissions = ModulePermissions()
        permissions.network_access = True  # built at run time: not compared
        return permissions


class PlainBase(BaseModule):
    """A plain base whose stubs raise: they declare the methods, they do not provide them."""

    def get_metadata(self) -> Dict[str, Any]:
        raise NotImplementedError

    def get_required_permissions(self) -> ModulePermissions:
        raise NotImplementedError


class ForgetsMetadata(PlainBase):  # [contract-method-missing]
    async def initialize(self) -> bool:
        return True

    def get_required_permissions(self) -> ModulePermissions:
        return ModulePermissions()


class SyncStartMixin(BaseModule):
    """An abstract intermediate: its own methods are judged once, here."""

    def start(self) -> bool:  # [contract-method-kind]
        return True

    async def initialize(self) -> bool:
        raise NotImplementedError


class UsesSyncStart(SyncStartMixin):
    async def initialize(self) -> bool:
        return True

    def get_metadata(self) -> Dict[str, Any]:
        return {"name": "n", "version": "1", "description": "d", "author": "a"}

    def get_required_permissions(self) -> ModulePermissions:
        return ModulePermissions()


class ConfigReadOutsideTry(UsesSyncStart):
    async def initialize(self) -> bool:  # [lifecycle-error-handling]
        self.threshold = self.config["threshold"]  # KeyError escapes
        try:
            await self.connect()
            return True
        except Exception as error:
            self.last_error = error
            return False
