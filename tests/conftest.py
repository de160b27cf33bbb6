"""Shared test set-up: no network, and the fixture knowledge bases."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
KB_SMALL = FIXTURES / "kb-small"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_LOCAL = {"127.0.0.1", "::1", "localhost"}


def _guard(address) -> None:
    if isinstance(address, tuple) and address and address[0] not in _LOCAL:
        raise RuntimeError(f"tests must not open network connections (attempted {address!r})")


def _connect(self, address):
    _guard(address)
    return _real_connect(self, address)


def _connect_ex(self, address):
    _guard(address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """Any socket to anything but localhost fails the test that opens it."""
    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    yield
    socket.socket.connect = _real_connect
    socket.socket.connect_ex = _real_connect_ex


@pytest.fixture
def kb_small(tmp_path) -> Path:
    """A writable copy of the small fixture knowledge base."""
    target = tmp_path / "kb"
    shutil.copytree(KB_SMALL, target)
    return target
