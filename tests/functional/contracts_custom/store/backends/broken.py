"""Backends that break the storage-backend contract."""

from __future__ import annotations

from store.backends.base import StorageBackend


class NoPut(StorageBackend):  # [contract-method-missing]
    async def connect(self) -> bool:
        return True


class NoConnectNoPut(StorageBackend):  # [contract-method-missing]
    async def close(self) -> bool:
        return True


class SyncConnect(StorageBackend):
    def connect(self) -> bool:  # [contract-method-kind]
        return True

    async def put(self, key, value) -> None:  # [contract-method-kind]
        self.last_error = None


class WrongSignatures(StorageBackend):
    async def connect(self, timeout: float) -> bool:  # [contract-signature-mismatch]
        return timeout > 0

    def put(self, key) -> None:  # [contract-signature-mismatch]
        self.last_error = None

    async def close(self) -> None:  # [contract-signature-mismatch]
        self.last_error = None


class CloseLetsErrorsEscape(StorageBackend):
    async def connect(self) -> bool:
        return True

    def put(self, key, value) -> None:
        self.last_error = None

    async def close(self) -> bool:  # [lifecycle-error-handling]
        await self.flush()
        return True

    async def flush(self) -> None:
        self.last_error = None


class CloseHidesErrors(StorageBackend):
    async def connect(self) -> bool:
        return True

    def put(self, key, value) -> None:
        self.last_error = None

    async def close(self) -> bool:  # [lifecycle-error-handling]
        try:
            await self.flush()
        except Exception:
            pass
        return True

    async def flush(self) -> None:
        self.last_error = None


class ConnectIsNotLifecycle(StorageBackend):
    # connect is not `lifecycle = true` in this contract: work outside a try is fine.
    async def connect(self) -> bool:
        await self.handshake()
        return True

    def put(self, key, value) -> None:
        self.last_error = None

    async def handshake(self) -> None:
        self.last_error = None
