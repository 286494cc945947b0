"""End to end in real headless Chromium (Debian's chromium, driven by playwright-python).

search → open a clause → compare across cities → open a unit's chain, with a
screenshot of each page in tests/artifacts/.
"""
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def server(app):
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_researcher_journey(server, page):
    page.goto(server + "/")
    assert page.locator("h1").inner_text().startswith("地方就业创业政策")
    shot(page, "01-home")

    page.fill("form.hero input[name=q]", "退伍军人")
    page.click("form.hero button")
    page.wait_for_selector(".hit")
    assert "同时检索了" in page.locator(".expanded").inner_text()
    assert int(page.locator("#total").inner_text()) >= 5
    assert page.locator(".hit mark").count() > 0
    shot(page, "02-search")

    page.click("section.facet[data-facet=region] a:has-text('洛阳市')")
    page.wait_for_selector(".hit")
    assert all("洛阳市" in text for text in page.locator(".hit h3 a").all_inner_texts())

    page.locator(".hit-link").first.click()
    page.wait_for_selector(".provision .text")
    assert "luoyang/" in page.url
    assert page.locator("h2:has-text('责任单位')").count() == 1
    shot(page, "03-provision")

    page.goto(server + "/compare?instrument=创业担保贷款")
    page.wait_for_selector("table.matrix")
    headers = page.locator("table.matrix thead th").all_inner_texts()
    assert any("君山区" in h for h in headers) and any("益阳市" in h for h in headers)
    assert "最高15万元（由10万元调整）" in page.locator("table.matrix").inner_text()
    shot(page, "04-compare")
    page.locator("table.matrix a.figure:has-text('最高15万元')").first.click()
    page.wait_for_selector("mark.amount:target")
    assert page.locator("mark.amount:target").inner_text() == "15万元"

    page.goto(server + "/units")
    page.wait_for_selector("#network[data-ready=true]")
    assert page.locator("#network canvas").count() > 0
    shot(page, "05-units")
    page.click("table.types a:has-text('人力资源社会保障局')")
    page.wait_for_selector(".chain")
    assert page.locator(".chain").count() > 10
    assert "牵头" in page.locator(".chain").first.inner_text()
    shot(page, "06-unit")
    page.click("nav.pager a[rel=next]")  # 108 chains, 50 a page
    page.wait_for_selector("nav.pager:has-text('第 2 / 3 页')")
    assert page.locator(".chain").count() == 50
    page.click("table.places a:has-text('洛阳市')")  # one place's chains
    page.wait_for_selector("text=洛阳市：人力资源社会保障局牵头的条款共 20 条")
    assert page.locator(".chain").count() == 20
    assert {t.split(" · ")[0] for t in page.locator(".chain .meta").all_inner_texts()} == {"洛阳市"}


def test_hostile_query_is_shown_as_text(server, page):
    page.goto(server + "/search?q=" + "%3Cscript%3Ewindow.hacked%3D1%3C%2Fscript%3E")
    assert page.evaluate("window.hacked === undefined")
    assert page.locator("input[name=q]").first.input_value() == "<script>window.hacked=1</script>"


def test_sparql_form_runs_an_example(server, page):
    page.goto(server + "/sparql")
    page.locator("a.example").first.click()
    page.wait_for_selector("table.results")
    assert "君山区" in page.locator("table.results").inner_text()
    shot(page, "07-sparql")
