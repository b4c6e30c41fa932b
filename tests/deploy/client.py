"""A plain HTTP(S) client for the running stack: one request, nothing followed or decoded."""

import http.client
from dataclasses import dataclass


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode()


def fetch(
    connection: http.client.HTTPConnection,
    path: str,
    *,
    method: str = "GET",
    headers: dict | None = None,
    body: bytes | None = None,
) -> Response:
    """One request on a fresh connection; redirects are not followed, so a 301 shows."""
    try:
        connection.request(
            method, path, body=body, headers={"Accept-Encoding": "identity", **(headers or {})}
        )
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()
