"""Every route, its JSON twin, errors, hostile input and the read-only SPARQL endpoint (Flask test client)."""
import json
from urllib.parse import quote

import pytest

PAGES = [
    "/", "/search?q=退伍军人", "/search?q=创业担保贷款&region=君山区&min_amount=100000",
    "/compare?instrument=创业担保贷款", "/compare?group=高校毕业生&docs=luoyang,yiyang", "/compare?q=见习",
    "/units", "/unit/human-resources", "/doc/luoyang", "/provision/luoyang/7", "/provision/hualong/3-2",
    "/doc/junshan/source?start=100&end=120", "/sparql", "/id/doc/luoyang/7", "/id/unit/洛阳市/finance",
    "/vocab/target-group/veterans", "/ontology?term=Measure",
]


def twin(url: str, suffix: str = ".json") -> str:
    path, _, query = url.partition("?")
    return (path.rstrip("/") or "/index") + suffix + ("?" + query if query else "")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_and_has_a_json_twin(client, url):
    html = client.get(url)
    assert html.status_code == 200, html.data[:300]
    assert html.mimetype == "text/html"
    assert '<html lang="zh-CN">' in html.get_data(as_text=True)
    data = client.get(twin(url))
    assert data.status_code == 200 and data.mimetype == "application/json"
    assert isinstance(data.get_json(), dict)


def test_home_json_lists_documents_and_counts(client):
    data = client.get("/index.json").get_json()
    assert [d["id"] for d in data["documents"]] == ["hualong", "junshan", "luoyang", "yiyang", "ziyang"]
    assert data["counts"]["provisions"] == 215
    luoyang = next(d for d in data["documents"] if d["id"] == "luoyang")
    assert luoyang["number"] == "洛政〔2018〕12号" and luoyang["date"] == "2018-05-21"


def test_search_json_shape_and_facet_toggles(client):
    data = client.get("/search.json?q=退伍军人").get_json()
    assert set(data) >= {"query", "expanded", "total", "hits", "facets"}
    assert "退役士兵" in data["expanded"]
    assert {h["doc"] for h in data["hits"]} <= {"hualong", "junshan", "ziyang", "luoyang", "yiyang"}
    page = client.get("/search?q=退伍军人").get_data(as_text=True)
    assert "同时检索了" in page and "region=%E6%B4%9B%E9%98%B3%E5%B8%82" in page


def test_search_exports_csv_and_json_of_the_whole_result_set(client):
    csv_text = client.get("/search.csv?q=就业").get_data(as_text=True)
    assert csv_text.startswith("\ufeffrank,id,")
    total = client.get("/search.json?q=就业").get_json()["total"]
    assert len(csv_text.strip().splitlines()) == total + 1
    everything = client.get("/search.json?q=就业&all=1").get_json()
    assert len(everything["hits"]) == total


def test_compare_matrix_has_one_column_per_place_and_says_not_provided(client):
    data = client.get("/compare.json?instrument=创业担保贷款").get_json()
    assert [c["id"] for c in data["columns"]] == ["hualong", "junshan", "luoyang", "yiyang", "ziyang"]
    row = data["rows"][0]
    assert row["label"] == "创业担保贷款"
    cells = {c["doc"]: c for c in row["cells"]}
    junshan = [a for e in cells["junshan"]["entries"] for a in e["amounts"]]
    assert any(a["value"] == 150000 and a["previous"] == 100000 for a in junshan)
    assert cells["junshan"]["highest"]
    assert data["documents"]["yiyang"][0]["provision"] == "yiyang/9"
    html = client.get("/compare?instrument=技能提升补贴&docs=hualong,junshan").get_data(as_text=True)
    assert "未规定" in html


def test_compare_csv_export(client):
    text = client.get("/compare.csv?instrument=就业见习补贴").get_data(as_text=True)
    assert text.startswith("\ufeffinstrument,doc,region")
    assert "每人 每月" in text and "luoyang/12" in text


def test_units_page_counts_and_network(client):
    data = client.get("/units.json").get_json()
    hr = next(t for t in data["types"] if t["type_id"] == "human-resources")
    assert hr["regions"]["华龙区"]["lead"] == 0 and hr["regions"]["洛阳市"]["lead"] > 0
    assert data["network"]["edges"] and data["pairs"][0]["provisions"] >= data["pairs"][-1]["provisions"]


def test_unit_page_chains(client):
    data = client.get("/unit/veterans.json").get_json()
    assert [r["region"] for r in data["regions"]] == ["君山区"]
    assert data["chains"][0]["provision"] == "junshan/70"


def test_unit_chains_come_in_pages_and_by_place(client):
    first = client.get("/unit/human-resources.json").get_json()
    leads = {r["region"]: len(r["lead"]) for r in first["regions"]}
    assert leads == {"华龙区": 0, "君山区": 53, "洛阳市": 20, "益阳市": 15, "资阳市": 20}
    assert first["chains_total"] == sum(leads.values()) == 108 and first["pages"] == 3 and len(first["chains"]) == 50
    pages = [first] + [client.get(f"/unit/human-resources.json?page={n}").get_json() for n in (2, 3)]
    chained = [c["provision"] for p in pages for c in p["chains"]]
    assert sorted(chained) == sorted(p["provision"] for r in first["regions"] for p in r["lead"])
    luoyang = client.get("/unit/human-resources.json?region=洛阳市").get_json()
    assert luoyang["chains_total"] == 20 and {c["region"] for c in luoyang["chains"]} == {"洛阳市"}
    html = client.get("/unit/human-resources?page=2").get_data(as_text=True)
    assert "第 2 / 3 页" in html and 'rel="next"' in html
    assert "等 53 条" in html  # 君山区's 53 led provisions: the first 12 linked, the rest counted
    assert client.get("/unit/human-resources.json?page=4").status_code == 404
    assert client.get("/unit/human-resources.json?page=0").status_code == 400


def test_provision_page_links_numbers_to_their_source_characters(client, raw_texts):
    data = client.get("/provision/junshan/34.json").get_json()
    amount = data["amounts"][0]
    assert amount["text"] == "15万元" and amount["reading"] == "最高15万元（由10万元调整）"
    assert raw_texts["junshan"][amount["start"]:amount["end"]] == "15万元"
    html = client.get("/provision/junshan/34").get_data(as_text=True)
    assert f'id="a-{amount["start"]}"' in html
    source = client.get(f"/doc/junshan/source.json?start={amount['start']}&end={amount['end']}").get_json()
    assert source["excerpt"] == "15万元"


@pytest.mark.parametrize("url", ["/doc/nope", "/provision/luoyang/999", "/provision/nope/1", "/unit/nope",
                                 "/id/doc/nope", "/no/such/page", "/vocab/instrument/nope"])
def test_unknown_ids_answer_404_in_html_and_json(client, url):
    assert client.get(url).status_code == 404
    response = client.get(twin(url))
    assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


@pytest.mark.parametrize("url", ["/search?page=abc", "/search?limit=100000", "/search?min_amount=-5", "/search?sort=evil",
                                 "/doc/luoyang/source?start=5&end=1", "/doc/luoyang/source?start=x",
                                 "/compare?docs=nowhere", "/units?min_weight=x"])
def test_out_of_range_parameters_are_400_not_500(client, url):
    assert client.get(url).status_code == 400
    assert client.get(twin(url)).get_json()["error"]["status"] == 400


@pytest.mark.parametrize("q", ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "{{7*7}}", "((((", '"',
                               "退役" * 300, "\u202e\u0000"])
def test_hostile_queries_render_normally_and_escaped(client, q):
    for url in (f"/search?q={quote(q)}", f"/compare?q={quote(q)}"):
        response = client.get(url)
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        assert "<script>alert" not in body and "<img src=x" not in body


def test_sparql_get_post_and_content_negotiation(client):
    query = "SELECT ?doc ?title WHERE { ?doc a eli:LegalResource ; eli:passed_by ?gov ; eli:title ?title } ORDER BY ?doc"
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200 and response.mimetype == "application/sparql-results+json"
    assert len(response.get_json()["results"]["bindings"]) == 5
    posted = client.post("/sparql", data={"query": query}, headers={"Accept": "text/csv"})
    assert posted.mimetype == "text/csv" and posted.get_data(as_text=True).startswith("doc,title")
    raw = client.post("/sparql", data=query.encode(), content_type="application/sparql-query")
    assert raw.status_code == 200 and len(json.loads(raw.data)["results"]["bindings"]) == 5
    construct = client.get("/sparql", query_string={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s a pkg:Government ; ?p ?o }"},
                           headers={"Accept": "text/turtle"})
    assert construct.mimetype == "text/turtle" and b"Government" in construct.data
    page = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/html"})
    assert page.mimetype == "text/html" and "洛阳市人民政府关于" in page.get_data(as_text=True)


def test_sparql_is_read_only(client, app):
    from webui.data import current

    with app.test_request_context():
        before = len(current().graph)
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    for response in (client.post("/sparql", data={"update": update}),
                     client.post("/sparql", data={"query": update}),
                     client.get("/sparql", query_string={"query": "DELETE WHERE { ?s ?p ?o }"}),
                     client.post("/sparql", data=update.encode(), content_type="application/sparql-query")):
        assert response.status_code == 400
    with app.test_request_context():
        assert len(current().graph) == before


def test_sparql_errors_row_cap_and_time_limit(client, app):
    assert client.get("/sparql.json", query_string={"query": "SELEKT nonsense"}).status_code == 400
    app.config["SPARQL_ROW_LIMIT"] = 7
    try:
        response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert len(response.get_json()["results"]["bindings"]) == 7
        assert response.headers["X-Policykg-Truncated"] == "true"
    finally:
        app.config["SPARQL_ROW_LIMIT"] = 1000
    app.config["SPARQL_TIMEOUT"] = 0.5
    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        assert client.get("/sparql", query_string={"query": slow}).status_code == 503
    finally:
        app.config["SPARQL_TIMEOUT"] = 5.0


def test_iris_resolve_to_turtle_and_jsonld_by_content_negotiation(client):
    iri = "/id/doc/junshan/34/amount/1"
    turtle = client.get(iri, headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle" and "schema:MonetaryAmount" in turtle.get_data(as_text=True)
    jsonld = client.get(iri, headers={"Accept": "application/ld+json"})
    assert jsonld.mimetype == "application/ld+json"
    assert client.get(iri + ".ttl").mimetype == "text/turtle"
    html = client.get(iri).get_data(as_text=True)
    assert "15万元" in html


def test_every_graph_iri_of_a_provision_resolves(client):
    for path in ["/id/doc/luoyang/12/measure/1", "/id/doc/luoyang/12/amount/1", "/id/doc/luoyang/12/unit/1",
                 "/id/gov/洛阳市", "/id/cited/国发〔2017〕28号", "/id/doc/luoyang/section/4"]:
        assert client.get(path).status_code == 200, path


def test_static_assets_are_vendored(client):
    page = client.get("/units").get_data(as_text=True)
    assert "/static/vendor/cytoscape-3.34.4.min.js" in page
    assert "http://" not in page.split("<main>")[0] and "https://cdn" not in page
    with client.get("/static/vendor/cytoscape-3.34.4.min.js") as asset:
        assert asset.status_code == 200 and asset.mimetype in ("text/javascript", "application/javascript")


def test_every_route_is_covered_by_the_page_list(app):
    """Meta-test: a new page must be added to PAGES (and so gets its JSON twin checked)."""
    covered = set()
    for url in PAGES:
        path = url.split("?")[0]
        adapter = app.url_map.bind("localhost")
        covered.add(adapter.match(path)[0])
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert endpoints - covered <= {"resources.ontology_term"}, endpoints - covered


@pytest.mark.parametrize("outdated, message", [(False, "尚未构建"), (True, "旧版本")])
def test_a_home_without_readable_data_answers_503_with_the_reason(built_home, tmp_path, outdated, message):
    import shutil

    from policykg.home import Home
    from webui import create_app

    home = Home(tmp_path / "home")
    if outdated:
        shutil.copytree(built_home.path, home.path, symlinks=True)
        (home.current() / "build" / "FORMAT").unlink()
    client = create_app({"POLICYKG_HOME": str(home.path), "TESTING": True}).test_client()
    response = client.get("/search.json?q=创业")
    assert response.status_code == 503
    assert message in response.get_json()["error"]["message"] and "policykg build" in response.get_json()["error"]["message"]
    assert message in client.get("/").get_data(as_text=True)


def test_opening_a_build_warms_the_rest_in_the_background(built_home):
    import threading
    import time

    from webui import create_app

    app = create_app({"POLICYKG_HOME": str(built_home.path), "TESTING": True})
    assert app.test_client().get("/index.json").status_code == 200
    dataset = app.extensions["policykg"]["dataset"]
    deadline = time.monotonic() + 60
    while any(t.name == "policykg-warm" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert dataset._all is not None and len(dataset._all) == 215
    assert dataset._network is not None


def test_a_damaged_index_answers_503_with_the_remedy(built_home, tmp_path):
    import shutil

    from policykg.home import Home
    from search.substrings import FILENAME
    from webui import create_app

    home = Home(tmp_path / "home")
    shutil.copytree(built_home.path, home.path, symlinks=True)
    (home.build_dir() / "index" / FILENAME).unlink()
    response = create_app({"POLICYKG_HOME": str(home.path), "TESTING": True}).test_client().get("/search.json?q=创业")
    assert response.status_code == 503
    assert "policykg build" in response.get_json()["error"]["message"]
