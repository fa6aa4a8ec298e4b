"""Real-time messaging over websockets.

The websocket server lives in an optional extra; without it, these fallback definitions
keep the rest of the application importable.
"""

from __future__ import annotations


class RealtimeError(Exception):
    def __init__(self, message="Real-time error", code=1011, **kwargs):
        super().__init__(message)
        self.code = code


class ConnectionClosedError(RealtimeError):
    def __init__(self, message="Connection closed", **kwargs):
        super().__init__(message, code=1000, **kwargs)


class MessageTooBigError(RealtimeError):
    def __init__(self, message="Message too big", **kwargs):
        super().__init__(message, code=1009, **kwargs)


class PolicyViolationError(RealtimeError):
    def __init__(self, message="Policy violation", **kwargs):
        super().__init__(message, code=1008, **kwargs)


def broadcast(room_id, message):
    return None


def send_to_user(user_id, message):
    return None
