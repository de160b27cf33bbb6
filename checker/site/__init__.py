"""The publish stage: the graph as a static MkDocs site.

    pages/      page models, one module per part of the site, built from the graph alone
    render.py   page models → Markdown, with every value from the graph made inert
    downloads.py the graph and the check results as files, with checksums
    build.py    pages + `mkdocs build --strict` + link check, then the atomic swap
    linkcheck.py every internal link and anchor of the built HTML
    serve.py    live preview
    urls.py     the URL rule: ids → addresses (docs/site.md)
"""

from checker.site.build import BuiltSite, SiteBuildError, SiteSources, build_site, kb_version
from checker.site.serve import serve_site

__all__ = ["BuiltSite", "SiteBuildError", "SiteSources", "build_site", "kb_version", "serve_site"]
