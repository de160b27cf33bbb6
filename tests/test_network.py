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


# -- issue 17: no rule can make an engine reach the network --------------------------------------

import threading  # noqa: E402
from contextlib import contextmanager  # noqa: E402

from rdflib import Graph  # noqa: E402

from checker.judge.engines import ENGINES, UnsupportedShape  # noqa: E402
from tests.test_jena import require_jena  # noqa: E402

DATA = Graph().parse(data="<http://example.org/a> a <http://example.org/Thing> .", format="turtle")


def shapes_with(where: str, extra: str = "") -> Graph:
    return Graph().parse(data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        {extra}
        ex:S a sh:NodeShape ; sh:targetClass ex:Thing ;
            sh:sparql [ sh:select "SELECT $this WHERE {{ {where} }}" ] .""", format="turtle")


def closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there any more
    return port


@contextmanager
def listener():
    """A local port that counts the connections made to it (by any process: Jena's JVM too)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.1)
    accepted, stop = [], threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            accepted.append(connection)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join()
        server.close()


def engine(name: str):
    if name == "jena":
        require_jena()
    return ENGINES[name]


@pytest.mark.parametrize("name", sorted(ENGINES))
@pytest.mark.parametrize("service", ["SERVICE", "SERVICE SILENT"])
def test_service_to_a_closed_port_is_refused_before_anything_runs(name, service):
    shapes = shapes_with(f"$this a ?type . {service} <http://127.0.0.1:{closed_port()}/sparql> {{ ?s ?p ?o }}")
    with pytest.raises(UnsupportedShape, match="SERVICE"):
        engine(name)(DATA, shapes)


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_service_and_from_never_reach_a_listening_port(name):
    with listener() as (port, accepted):
        for shapes in (shapes_with(f"$this a ?type . SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}"),
                       Graph().parse(data=f"""
                           @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
                           ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:sparql [ sh:select
                           "SELECT $this FROM <http://127.0.0.1:{port}/g> WHERE {{ $this a ?type }}" ] .""",
                                         format="turtle")):
            with pytest.raises(UnsupportedShape):
                engine(name)(DATA, shapes)
    assert accepted == []


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_owl_imports_in_the_shapes_are_never_fetched(name):
    """sh:prefixes follows owl:imports inside the shapes graph (SHACL 5.2.1); no engine fetches."""
    with listener() as (port, accepted):
        shapes = Graph().parse(data=f"""
            @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
            <http://127.0.0.1:{port}/shapes> a owl:Ontology ; owl:imports <http://127.0.0.1:{port}/more> ;
                sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/" ] .
            <http://127.0.0.1:{port}/more> sh:declare [ sh:prefix "more" ; sh:namespace "http://example.org/more#" ] .
            <http://example.org/S> a sh:NodeShape ; sh:targetClass <http://example.org/Thing> ;
                sh:sparql [ sh:prefixes <http://127.0.0.1:{port}/shapes> ;
                            sh:select "SELECT $this WHERE {{ $this a more:Thing . FILTER NOT EXISTS {{ $this a ex:Thing }} }}" ] .
            """, format="turtle")
        assert engine(name)(DATA, shapes) == []
    assert accepted == []


def test_pyshacl_refuses_two_prefixes_for_one_namespace():
    """rdflib's SPARQL parser keeps one prefix per namespace: pySHACL would fail on the other."""
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <http://example.org/p> sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/" ] ,
                                          [ sh:prefix "other" ; sh:namespace "http://example.org/" ] .
        <http://example.org/S> a sh:NodeShape ; sh:targetClass <http://example.org/Thing> ;
            sh:sparql [ sh:prefixes <http://example.org/p> ; sh:select "SELECT $this WHERE { $this a ex:Thing , other:Thing }" ] .
        """, format="turtle")
    with pytest.raises(UnsupportedShape, match="two prefixes for one namespace"):
        ENGINES["pyshacl"](DATA, shapes)
    assert len(ENGINES["oxigraph"](DATA, shapes)) == 1
