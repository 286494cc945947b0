"""The ``policykg`` command: a thin shell over the library."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .home import Home, HomeError


def _progress(quiet: bool, label: str):
    if quiet:
        return lambda it: it

    def wrap(iterable):
        from tqdm import tqdm

        return tqdm(iterable, desc=label, unit="doc", file=sys.stderr, leave=False)

    return wrap


def _home(ctx: click.Context) -> Home:
    return ctx.obj["home"]


def _require_build(home: Home) -> Path:
    try:
        return home.require_build()
    except HomeError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", "home_path", type=click.Path(file_okay=False, path_type=Path), envvar="POLICYKG_HOME",
              help="Data home (default: $POLICYKG_HOME or the per-user data directory).")
@click.version_option(package_name="policykg")
@click.pass_context
def main(ctx: click.Context, home_path: Path | None) -> None:
    """policykg — search and compare Chinese local employment and entrepreneurship policy."""
    ctx.ensure_object(dict)
    ctx.obj["home"] = Home(home_path)


def _print_report(report, quiet: bool) -> None:
    click.echo(f"built {report.documents} documents, {report.items} items, {report.provisions} provisions, "
               f"{report.units} units, {report.measures} measures, {report.amounts} amounts, "
               f"{report.triples} triples in {report.seconds:.1f}s", err=True)
    if report.unknown_units:
        names = sorted({u["name"] for u in report.unknown_units})
        click.echo(f"{len(names)} unit name(s) not in the unit-type vocabulary (kept, typed unknown):", err=True)
        for name in names:
            where = ", ".join(sorted({u["provision"] for u in report.unknown_units if u["name"] == name}))
            click.echo(f"  {name}  ({where})", err=True)
    if not quiet:
        for warning in report.warnings:
            click.echo(f"note: {warning['doc']}: {warning['message']}", err=True)


@main.command()
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no parser notes.")
@click.pass_context
def build(ctx: click.Context, quiet: bool) -> None:
    """Parse all documents (bundled and ingested) and rebuild the data, atomically."""
    from .build import build as run_build

    try:
        report = run_build(_home(ctx), progress=_progress(quiet, "parsing"))
    except HomeError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_report(report, quiet)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "doc_id", required=True, help="Short id for the document: lower-case letters, digits, - or _.")
@click.option("--region", required=True, help="Region of the issuing government, e.g. 巴中市.")
@click.option("--title", help="Title (default: guessed from the text).")
@click.option("--date", help="Date of the document, YYYY-MM-DD.")
@click.option("--government", help="Issuing government (default: REGION人民政府).")
@click.option("--province", help="Province, e.g. 四川省.")
@click.option("--parent", help="Parent city of a district or county, e.g. 濮阳市.")
@click.option("--level", type=click.Choice(["省", "市", "区", "县"]), help="Administrative level (default: from the region's name).")
@click.option("--number", help="文号, e.g. 巴府发〔2019〕3号 (default: found in the text).")
@click.option("--replace", is_flag=True, help="Replace a document with the same id.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def ingest(ctx: click.Context, file: Path, doc_id: str, region: str, replace: bool, quiet: bool, **fields) -> None:
    """Add a policy document (UTF-8 or GBK text or HTML) and rebuild."""
    from .ingest import IngestError, ingest as run_ingest

    try:
        manifest, report = run_ingest(_home(ctx), file, doc_id, region, replace=replace,
                                      progress=_progress(quiet, "parsing"), **fields)
    except (IngestError, HomeError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added {manifest['id']}: {manifest['title']} ({manifest['region']})", err=True)
    _print_report(report, quiet)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "ttl", "jsonld", "nt"]), default="jsonl",
              show_default=True,
              help="jsonl: one JSON record per provision; csv: the same for Excel (UTF-8 with BOM); "
                   "ttl, jsonld, nt: the whole knowledge graph.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file instead of stdout.")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Export every provision (jsonl, csv) or the knowledge graph (ttl, jsonld, nt)."""
    from .export import write_atomically, write_csv, write_jsonl
    from .store import load_provisions

    build_dir = _require_build(_home(ctx))
    if fmt in ("ttl", "jsonld", "nt"):
        from kg import load_graph, serialize

        text = serialize(load_graph(build_dir / "graph.nt"), fmt)

        def writer(_, handle):
            handle.write(text)
            return text.count("\n")

        provisions = None
    else:
        provisions = load_provisions(build_dir)
        writer = {"jsonl": write_jsonl, "csv": write_csv}[fmt]
    if output:
        try:
            count = write_atomically(output, lambda handle: writer(provisions, handle))
        except OSError as exc:
            raise click.ClickException(f"无法写入 {output}：{exc.strerror}。Cannot write {output}.") from exc
        click.echo(f"wrote {output} ({count} {'provisions' if provisions is not None else 'lines'})", err=True)
    else:
        writer(provisions, sys.stdout)


@main.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check the built graph against the SHACL shapes (exit 1 on any violation)."""
    from kg import load_graph
    from kg.validate import validate as run_validate

    graph = load_graph(_require_build(_home(ctx)) / "graph.nt")
    result = run_validate(graph)
    if result.conforms:
        click.echo(f"graph conforms to the SHACL shapes ({len(graph)} triples)")
        return
    for line in result.violations[:50]:
        click.echo(line, err=True)
    raise click.ClickException(f"{len(result.violations)} SHACL violation(s) in the built graph.")


@main.command()
@click.option("--by", type=click.Choice(["type", "unit"]), default="type", show_default=True,
              help="Link unit types across cities, or concrete units.")
@click.option("--top", type=click.IntRange(1, 1000), default=15, show_default=True, help="How many pairs to list.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def network(ctx: click.Context, by: str, top: int, fmt: str) -> None:
    """The units that most often share responsibility for a provision."""
    import json

    from kg.network import co_responsibility, responsibilities, top_pairs
    from kg.store import open_graph

    graph = open_graph(_require_build(_home(ctx)))
    net = co_responsibility(responsibilities(graph), by=by)
    pairs = top_pairs(net, top)
    if fmt == "json":
        click.echo(json.dumps([{"a": a, "b": b, "provisions": w} for a, b, w in pairs], ensure_ascii=False, indent=1))
        return
    for a, b, weight in pairs:
        click.echo(f"{weight:5d}  {a} — {b}")


@main.command()
@click.argument("query", nargs=-1)
@click.option("--region", multiple=True, help="Only this region (repeatable), e.g. 洛阳市.")
@click.option("--province", multiple=True, help="Only this province (repeatable).")
@click.option("--level", multiple=True, help="Only this administrative level: 市, 区, 县.")
@click.option("--group", multiple=True, help="Only provisions for this target group (prefLabel), e.g. 高校毕业生.")
@click.option("--instrument", multiple=True, help="Only provisions with this instrument (prefLabel), e.g. 创业担保贷款.")
@click.option("--lead", multiple=True, help="Only provisions led by this unit type, e.g. 人力资源社会保障局.")
@click.option("--year", multiple=True, help="Only documents of this year.")
@click.option("--min-amount", type=click.FloatRange(min=0), help="Only provisions with a sum of money of at least this many yuan.")
@click.option("--max-amount", type=click.FloatRange(min=0), help="Only provisions with a sum of money of at most this many yuan.")
@click.option("--sort", type=click.Choice(["relevance", "date", "amount", "document"]), default="relevance", show_default=True)
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--no-expand", is_flag=True, help="Do not expand words through the vocabularies.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], fmt: str, no_expand: bool, **options) -> None:
    """Full-text search: words (all required), "exact phrases", -exclusions, OR."""
    import json
    import re

    from search.engine import FACETS, Searcher, SearchError, SearchRequest

    build_dir = _require_build(_home(ctx))
    filters = {key: list(options.pop(key)) for key in ("region", "province", "level", "group", "instrument", "lead", "year")}
    request = SearchRequest(q=" ".join(query), filters={k: v for k, v in filters.items() if v},
                            expand=not no_expand, **options)
    try:
        result = Searcher(build_dir / "index").search(request)
    except SearchError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    if result["expanded"]:
        click.echo(f"also searched: {'、'.join(result['expanded'])}")
    note = " (no provision has every word; showing partial matches)" if result["fallback"] else ""
    click.echo(f"{result['total']} provisions{note} — page {result['page']} of {result['pages']}")
    for hit in result["hits"]:
        snippet = re.sub(r"</?mark>", lambda m: "\x1b[1m" if m.group(0) == "<mark>" else "\x1b[0m", hit["snippet"])
        if not sys.stdout.isatty():
            snippet = hit["snippet"].replace("<mark>", "【").replace("</mark>", "】")
        lead = f"  牵头：{hit['leads']}" if hit["leads"] else ""
        click.echo(f"\n{hit['rank']:>3}. {hit['id']}  {hit['region']} {hit['label']}  {hit['section']}{lead}")
        click.echo(f"     {snippet}")
    for key, (_, label) in FACETS.items():
        values = result["facets"][key][:8]
        if values:
            click.echo(f"\n{label}: " + "  ".join(f"{v['value']}({v['count']})" for v in values))


@main.command()
@click.argument("query", required=False)
@click.option("--example", type=click.Choice(sorted(__import__("kg.queries", fromlist=["EXAMPLES"]).EXAMPLES)),
              help="Run one of README's example queries.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def sparql(ctx: click.Context, query: str | None, example: str | None, fmt: str) -> None:
    """Run a SPARQL SELECT query on the built graph (prefixes pkg:, eli:, org:, schema:, skos:, ut:, ins:, tg: are predefined)."""
    import json

    from kg.queries import example_query, prefixes, run
    from kg.store import open_graph

    if bool(query) == bool(example):
        raise click.UsageError("give either a QUERY or --example NAME.")
    text = example_query(example) if example else prefixes() + query
    graph = open_graph(_require_build(_home(ctx)))
    try:
        rows = run(graph, text)
    except Exception as exc:  # pyparsing and rdflib raise many kinds for a bad query
        raise click.ClickException(f"SPARQL 查询无效：{str(exc).splitlines()[0]}") from exc
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return
    for row in rows:
        click.echo("\t".join("" if v is None else str(v) for v in row.values()))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True, help="Worker threads.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar while building.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, threads: int, quiet: bool) -> None:
    """Serve the web UI (waitress); builds the data first if the home has none."""
    import waitress

    from webui import create_app

    home = _home(ctx)
    if home.build_dir() is None:
        if home.outdated_build():
            click.echo(f"数据由旧版本构建，正在重新构建（{home.path}）… rebuilding data made by an older version", err=True)
        else:
            click.echo(f"首次启动：正在构建数据（{home.path}）… first start: building the data", err=True)
        from .build import build as run_build

        try:
            report = run_build(home, progress=_progress(quiet, "building"))
        except HomeError as exc:
            raise click.ClickException(str(exc)) from exc
        _print_report(report, quiet=True)
    app = create_app({"POLICYKG_HOME": str(home.path)})
    with app.app_context():
        from flask import g

        from webui.data import current

        current()  # load the records and the index before the first request
        g.pop("dataset", None)
    click.echo(f"policykg serving http://{host}:{port}/ (data: {home.path})", err=True)
    waitress.serve(app, host=host, port=port, threads=threads, ident="policykg")


@main.group()
def bench() -> None:
    """Benchmarks that print a table (figures quoted in README come from these)."""


MAX_SCALE = 1000  # the largest multiple accepted (100× takes minutes here; a typo such as 100000 is refused)


@bench.command("search")
@click.option("--runs", type=click.IntRange(1, 50), default=5, show_default=True, help="Index builds and passes over the judged queries.")
@click.pass_context
def bench_search(ctx: click.Context, runs: int) -> None:
    """Index build time, query latency (median, p95) and nDCG@10 against a plain BM25 baseline."""
    from search.bench import format_table, run
    from .store import load_json, load_provisions

    build_dir = _require_build(_home(ctx.parent))
    rows = run(load_json(build_dir, "documents"), load_provisions(build_dir), runs=runs)
    click.echo(format_table(rows))


@bench.command("scale")
@click.option("--sizes", default="1,10,100", show_default=True, help="Corpus multiples to measure, comma-separated.")
@click.option("--runs", type=click.IntRange(1, 20), default=3, show_default=True, help="Passes over each query list.")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), help="Keep the built homes in this folder.")
def bench_scale(sizes: str, runs: int, keep: Path | None) -> None:
    """Build N× the corpus in a new home per size; print build time by stage, jieba floor, memory, sizes, latencies, start time."""
    from .bench import run

    try:
        values = [int(v) for v in sizes.split(",") if v.strip()]
    except ValueError as exc:
        raise click.BadParameter("sizes are whole numbers, e.g. 1,10,100") from exc
    if not values or min(values) < 1 or max(values) > MAX_SCALE:
        raise click.BadParameter(f"sizes are whole numbers from 1 to {MAX_SCALE}, e.g. 1,10,100")
    click.echo(run(values, runs=runs, keep=keep))


if __name__ == "__main__":  # pragma: no cover
    main()
