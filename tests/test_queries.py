"""The README's SPARQL examples, run on the built graph."""
from pathlib import Path

import pytest

from kg import load_graph
from kg.network import chain, co_responsibility, measures_by_type, responsibilities, top_pairs
from kg.queries import EXAMPLES, example_query, run

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def graph(built_home):
    return load_graph(built_home.build_dir() / "graph.nt")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_readme_shows_each_example_query(name):
    assert EXAMPLES[name]["query"] in README


def test_personal_loan_cap_per_city(graph):
    rows = run(graph, example_query("loan-cap-per-city"))
    caps = {(r["region"], int(r["cap"]), int(r["previous"]) if r["previous"] else None) for r in rows}
    assert caps == {("华龙区", 100000, None), ("君山区", 150000, 100000), ("益阳市", 100000, None),
                    ("资阳市", 100000, None)}


def test_measures_for_veterans_in_every_city(graph):
    rows = run(graph, example_query("veterans-measures-per-city"))
    assert {r["region"] for r in rows} == {"华龙区", "君山区", "资阳市", "洛阳市", "益阳市"}
    assert all(int(r["measures"]) >= 1 for r in rows)


def test_measures_led_by_human_resources_per_city(graph):
    rows = run(graph, example_query("led-by-hr-per-city"))
    regions = {r["region"]: r for r in rows}
    assert set(regions) == {"君山区", "资阳市", "洛阳市", "益阳市"}, "华龙 names no lead"
    assert regions["洛阳市"]["unit"] == "洛阳市人力资源社会保障局"


def test_co_responsibility_network(graph):
    network = co_responsibility(responsibilities(graph), by="type")
    pairs = top_pairs(network, 3)
    assert pairs[0][:2] == ("人力资源社会保障局", "财政局")
    hr = "https://w3id.org/policykg/vocab/unit-type/human-resources"
    assert network.nodes[hr]["regions"] == ["华龙区", "君山区", "洛阳市", "益阳市", "资阳市"]


def test_measures_of_a_type_per_place(graph):
    led = measures_by_type(graph, "https://w3id.org/policykg/vocab/unit-type/veterans")
    assert set(led) == {"君山区"}
    assert {m["role"] for m in led["君山区"]} == {"lead", "cooperating"}


def test_chain_of_a_provision(graph):
    result = chain(graph, "https://w3id.org/policykg/id/doc/junshan/60")
    assert result["lead"] == ["君山区人社局"]
    assert "君山区财政局" in result["cooperating"]
    groups = {g for m in result["measures"] for g in m["target_groups"]}
    assert {"困难高校毕业生", "离校未就业高校毕业生"} <= groups
