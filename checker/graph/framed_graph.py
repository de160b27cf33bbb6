"""A graph with a few triples laid over it, without copying it: what `frame()` returns.

Framing adds about a thousand triples (the vocabulary, each election's law in force) to a graph
that may hold a country's polling-station results, millions of triples. Copying it would cost
more than checking it, so the framed graph is a view: reads see the base graph and the extra
triples, writes go to the extra triples only, and the base graph is never changed.
`checker.judge.engines.oxigraph` takes the two parts apart again (`parts()`).

It also prepares each SPARQL query text once: pySHACL runs a SHACL-SPARQL constraint once per
focus node, and rdflib parses the query text on every call (80 ms for the results rules, more
than evaluating them).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.store import Store


class LayeredStore(Store):
    """Read: the base graph, then the extra triples not in it. Write: the extra triples."""

    context_aware = graph_aware = True  # pySHACL wraps the data graph in a Dataset, which asserts both

    def __init__(self, base: Graph) -> None:
        super().__init__()
        self.base = base
        self.extra = Graph()
        for prefix, namespace in base.namespaces():
            self.extra.bind(prefix, namespace, override=False)

    def add(self, triple, context, quoted: bool = False) -> None:
        if triple not in self.base:
            self.extra.add(triple)

    def addN(self, quads) -> None:  # noqa: N802 - rdflib's name
        for s, p, o, _context in quads:
            self.add((s, p, o), None)

    def remove(self, triple, context=None) -> None:
        raise TypeError("a framed graph is read-only over its base graph")

    def triples(self, triple_pattern, context=None) -> Iterator[tuple[Any, Iterator]]:
        for triple in self.base.triples(triple_pattern):
            yield triple, iter(())
        for triple in self.extra.triples(triple_pattern):
            yield triple, iter(())

    def contexts(self, triple=None):
        return iter(())

    def __len__(self, context=None) -> int:
        return len(self.base) + len(self.extra)

    def bind(self, prefix, namespace, override: bool = True) -> None:
        self.extra.bind(prefix, namespace, override=override)

    def namespace(self, prefix):
        return self.extra.store.namespace(prefix)

    def prefix(self, namespace):
        return self.extra.store.prefix(namespace)

    def namespaces(self):
        return self.extra.namespaces()


@lru_cache(maxsize=512)
def _prepared(text: str):
    return prepareQuery(text)


class FramedGraph(Graph):
    """A base graph plus extra triples (see the module's docstring)."""

    def __init__(self, base: Graph) -> None:
        super().__init__(store=LayeredStore(base))

    def parts(self) -> tuple[Graph, Graph]:
        """The base graph and the extra triples."""
        return self.store.base, self.store.extra

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803 - rdflib's names
        if isinstance(query_object, str) and processor == "sparql" and not initNs:
            query_object = _prepared(query_object)
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)
