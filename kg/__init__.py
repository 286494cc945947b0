"""The knowledge-graph stage: RDF from the corpus stage's records, serialisation, SHACL, networks.

Public API::

    from kg import build_graph, serialize, validate
"""
from .graph import Iris, build_graph, vocabulary_graph
from .serialize import FORMATS, load_graph, serialize, write_sorted_ntriples

__all__ = ["Iris", "build_graph", "vocabulary_graph", "FORMATS", "load_graph", "serialize", "write_sorted_ntriples"]
