"""`kbcheck site build` and `kbcheck site serve`: the published site (checker/site)."""

from __future__ import annotations

import sys

from checker.cli.common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, load_everything


def _site_graph(args):
    """The graph the site shows: the knowledge base and its rules' descriptions; None if invalid."""
    from checker.judge.rules import load_rules
    from checker.site.build import with_rule_descriptions

    loaded = load_everything(args)
    if loaded is None:
        return None
    graph = loaded.graph
    args.national = {e: (d.record, loaded.figures[e]) for e, d in loaded.datasets.items()}  # issue 15
    shapes, _ = load_rules(args.kb)
    site_graph = with_rule_descriptions(graph, shapes)
    verdicts = args.checks / "report.ttl" if getattr(args, "checks", None) else None
    if verdicts is not None and verdicts.is_file():
        site_graph.parse(verdicts, format="turtle")  # the checker's verdicts (`kbcheck check --out`)
    return site_graph


def site(args) -> int:
    from checker.site import SiteBuildError, SiteSources, build_site, kb_version, serve_site

    graph = _site_graph(args)
    if graph is None:
        return EXIT_INVALID
    sources = SiteSources(checks=getattr(args, "checks", None), rule_tests=args.kb / "tests" / "rules",
                          kb_version=kb_version(args.kb), national=getattr(args, "national", {}))
    if (args.kb / "mkdocs.yml").is_file() and (args.kb / "site").is_dir():  # the knowledge base's own
        sources.mkdocs_yml, sources.hand_written = args.kb / "mkdocs.yml", args.kb / "site"
    if args.site_command == "serve":
        watched = [args.kb / part for part in ("commitments", "law", "findings", "results", "rules")]
        try:
            serve_site(lambda: _site_graph(args), sources, watched, args.address, graph)
        except KeyboardInterrupt:
            pass  # the normal end of a preview
        return EXIT_OK
    try:
        built = build_site(graph, args.out, sources)
    except SiteBuildError as error:
        print(f"kbcheck site build: {error}\nThe previous site is unchanged.", file=sys.stderr)
        return EXIT_INTERNAL
    print(f"built {built.pages} pages into {built.out} in {built.seconds:.1f} s", file=sys.stderr)
    return EXIT_OK
