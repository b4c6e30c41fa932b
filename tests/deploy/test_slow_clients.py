"""Slow clients cannot stall the site once nginx is in front of gunicorn.

gunicorn's sync workers (two here, as in the fixture) each serve one connection from its
first byte to its last. A client that sends half a request and waits holds a worker until
it gives up or gunicorn's timeout kills the worker (30 s), so two such clients stall a
two-worker site. nginx reads a request whole before passing it on, so behind it they cost
a connection in nginx and nothing else.
"""

import socket
import time
from contextlib import contextmanager

import pytest

from tests.deploy.client import fetch

# Headers that never end (no blank line), and a form body that stops after 9 of 2,000 bytes.
HALF_HEADERS = b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\nAccept: text/"
HALF_BODY = (
    b"POST /find-support/suggest-a-listing/ HTTP/1.1\r\nHost: localhost\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000\r\n\r\n"
    b"name=Slow"
)
FROM_PROXY = {"X-Forwarded-Proto": "https", "Host": "localhost"}


@contextmanager
def slow_clients(open_connection, requests):
    """Clients that each send part of a request, then hold the connection open."""
    connections = []
    try:
        for request in requests:
            connection = open_connection()
            connection.sendall(request)
            connections.append(connection)
        time.sleep(0.5)  # time for the server to take them up
        yield
    finally:
        for connection in connections:
            connection.close()


def answer_time(connect, headers=None):
    started = time.monotonic()
    response = fetch(connect(), "/", headers=headers)
    assert response.status == 200
    return time.monotonic() - started


def test_behind_nginx_slow_clients_do_not_keep_others_waiting(nginx_front):
    # Warm both workers up, so the first page's one-off costs are not counted.
    usual = min(answer_time(nginx_front.https) for _ in range(4))
    with slow_clients(nginx_front.tls_socket, [HALF_HEADERS, HALF_HEADERS, HALF_BODY, HALF_BODY]):
        waited = answer_time(lambda: nginx_front.https(timeout=5))
    assert waited < usual + 1, f"{waited:.2f} s with slow clients, {usual:.2f} s without"


def test_without_nginx_two_slow_clients_stall_gunicorn(production_site):
    def gunicorn_socket():
        return socket.create_connection(("127.0.0.1", production_site.gunicorn_port), timeout=5)

    usual = min(answer_time(production_site.gunicorn, FROM_PROXY) for _ in range(4))
    assert usual < 1
    with (
        slow_clients(gunicorn_socket, [HALF_HEADERS, HALF_HEADERS]),
        pytest.raises(TimeoutError),
    ):
        fetch(production_site.gunicorn(timeout=usual + 2), "/", headers=FROM_PROXY)
    # Once they hang up the workers are free again.
    assert fetch(production_site.gunicorn(timeout=10), "/", headers=FROM_PROXY).status == 200


# A flood from one address (127.0.0.1) while another visitor (127.0.0.2) uses the site: the
# shipped nginx limits connections and requests per address, and ends slow headers and slow
# bodies, so the flood fills only its own allowance.
FLOOD = 150


def flood(nginx_front, request):
    """FLOOD connections from one address, each sending part of `request` and then waiting."""
    connections = []
    for _ in range(FLOOD):
        try:
            raw = socket.create_connection(("127.0.0.1", nginx_front.https_port), timeout=5)
            raw.sendall(request)  # plain bytes into a TLS port: nginx waits for a handshake
            connections.append(raw)
        except OSError:
            break
    return connections


@pytest.mark.parametrize("request_part", [HALF_HEADERS, HALF_BODY], ids=["headers", "body"])
def test_a_slow_flood_from_one_address_leaves_another_visitor_served_within_a_second(
    nginx_front, request_part
):
    tls_connections = []
    plain = flood(nginx_front, b"")
    try:
        for _ in range(FLOOD):
            try:
                connection = nginx_front.tls_socket(timeout=5)
                connection.sendall(request_part)
                tls_connections.append(connection)
            except OSError:
                break  # refused or reset: the flood is being turned away
        time.sleep(0.5)
        waited = answer_time(lambda: nginx_front.https(timeout=5, source="127.0.0.2"))
        assert waited < 1, f"another visitor waited {waited:.2f} s behind the flood"
    finally:
        for connection in tls_connections + plain:
            connection.close()


def test_one_address_gets_429_past_its_request_rate(nginx_front):
    statuses = []
    for _ in range(80):
        connection = nginx_front.https(timeout=5, source="127.0.0.3")
        statuses.append(fetch(connection, "/robots.txt").status)
    assert 429 in statuses and 200 in statuses
    # Another address is not affected.
    assert fetch(nginx_front.https(timeout=5, source="127.0.0.4"), "/robots.txt").status == 200
