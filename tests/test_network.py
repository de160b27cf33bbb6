"""The suite itself refuses network access: a socket to anything but localhost fails."""

from __future__ import annotations

import socket

import pytest


def test_outside_connection_is_refused():
    with pytest.raises(RuntimeError, match="must not open network connections"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)


def test_localhost_is_allowed():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    client = socket.create_connection(server.getsockname(), timeout=1)
    client.close()
    server.close()
