"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl)."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SH

import ontology


@dataclass
class ValidationResult:
    """``conforms`` and, when it does not, one line per violation (focus node, path, message)."""

    conforms: bool
    violations: list[str]


def shapes_graph() -> Graph:
    graph = Graph()
    graph.parse(ontology.HERE / "shapes.ttl", format="turtle")
    return graph


def validate(data: Graph) -> ValidationResult:
    """Validate ``data`` (which must include the vocabularies, as built graphs do)."""
    from pyshacl import validate as shacl_validate

    conforms, report, _ = shacl_validate(data, shacl_graph=shapes_graph(), inference="none",
                                         advanced=False, allow_warnings=False)
    violations = []
    for result in report.subjects(predicate=None, object=SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        violations.append(f"{focus} {path or ''}: {message}")
    return ValidationResult(bool(conforms), sorted(violations))
