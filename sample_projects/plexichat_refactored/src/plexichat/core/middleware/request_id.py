"""ASGI middleware that assigns every HTTP request an id.

The id is taken from the incoming ``X-Request-ID`` header when present,
otherwise generated, bound to the logging context and echoed back in the
response headers.
"""

import uuid

from plexichat.core.logging import bind_request_id

HEADER = b"x-request-id"


class RequestIDMiddleware:
    def __init__(self, app, header: bytes = HEADER):
        self.app = app
        self.header = header.lower()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        request_id = None
        for name, value in scope.get("headers", []):
            if name.lower() == self.header:
                request_id = value.decode("latin-1")[:128]
                break
        if not request_id:
            request_id = uuid.uuid4().hex

        async def send_with_header(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((self.header, request_id.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        with bind_request_id(request_id):
            await self.app(scope, receive, send_with_header)
