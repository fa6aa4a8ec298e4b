"""HTTP server settings (``PLEXICHAT_SERVER_*``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from .validation import check_port, check_url, require


@dataclass
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 0  # 0: derived from the CPU count
    reload: bool = False
    root_path: str = ""
    public_url: Optional[str] = None
    proxy_headers: bool = True
    forwarded_allow_ips: List[str] = field(default_factory=lambda: ["127.0.0.1"])
    keepalive_seconds: int = 5
    graceful_timeout: float = 30.0

    def __post_init__(self) -> None:
        self.root_path = ("/" + self.root_path.strip("/")) if self.root_path.strip("/") else ""
        check_port("SERVER_PORT", self.port)
        require(self.workers >= 0, "SERVER_WORKERS", "must be 0 (automatic) or positive")
        if self.public_url:
            check_url("SERVER_PUBLIC_URL", self.public_url)

    @property
    def bind_address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"{host}:{self.port}"

    @property
    def base_url(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        host = "localhost" if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}{self.root_path}"

    @property
    def effective_workers(self) -> int:
        if self.reload:
            return 1
        return self.workers or min(max((os.cpu_count() or 1) * 2 + 1, 2), 16)

    def uvicorn_options(self) -> Dict[str, Any]:
        """Keyword arguments for ``uvicorn.run``."""
        return {
            "host": self.host,
            "port": self.port,
            "workers": self.effective_workers,
            "reload": self.reload,
            "root_path": self.root_path,
            "proxy_headers": self.proxy_headers,
            "forwarded_allow_ips": ",".join(self.forwarded_allow_ips),
            "timeout_keep_alive": self.keepalive_seconds,
            "timeout_graceful_shutdown": self.graceful_timeout,
        }
