"""Outgoing email settings (``PLEXICHAT_SMTP_*``, ``PLEXICHAT_EMAIL_FROM``)."""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr
from typing import Any, Dict, Optional

from .validation import check_port, require

IMPLICIT_TLS_PORT = 465


@dataclass
class MailSettings:
    smtp_host: str = ""  # empty: email is off
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_use_tls: bool = True
    email_from: str = "PlexiChat <noreply@localhost>"

    def __post_init__(self) -> None:
        if not self.enabled:
            return
        check_port("SMTP_PORT", self.smtp_port)
        require(not self.smtp_user or bool(self.smtp_password), "SMTP_PASSWORD", "required when SMTP_USER is set")
        require("@" in self.sender_address, "EMAIL_FROM", f"{self.email_from!r} has no address")

    @property
    def enabled(self) -> bool:
        return bool(self.smtp_host)

    @property
    def sender_address(self) -> str:
        return parseaddr(self.email_from)[1]

    def smtp_options(self) -> Optional[Dict[str, Any]]:
        """Keyword arguments for ``aiosmtplib.SMTP``, or None when email is off."""
        if not self.enabled:
            return None
        implicit_tls = self.smtp_port == IMPLICIT_TLS_PORT
        return {"hostname": self.smtp_host, "port": self.smtp_port, "username": self.smtp_user or None,
                "password": self.smtp_password or None, "use_tls": implicit_tls,
                "start_tls": self.smtp_use_tls and not implicit_tls}
