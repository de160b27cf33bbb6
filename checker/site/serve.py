"""Live preview: `mkdocs serve` on the generated pages, regenerated when the knowledge base
or the hand-written pages change (MkDocs then reloads the browser)."""

from __future__ import annotations

import filecmp
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from checker.site.build import MKDOCS_ENV, SiteSources, mkdocs_config, write_docs


def _fingerprint(folders: list[Path]) -> dict[str, float]:
    """Each file's modification time: what changed since the last look."""
    return {str(p): p.stat().st_mtime for folder in folders if folder.exists()
            for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts)}


def _sync(fresh: Path, docs: Path) -> int:
    """Make `docs` equal to `fresh`, touching only files that differ (fewer reloads)."""
    changed = 0
    for source in fresh.rglob("*"):
        target = docs / source.relative_to(fresh)
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif not target.exists() or not filecmp.cmp(source, target, shallow=False):
            shutil.copyfile(source, target)
            changed += 1
    for target in sorted(docs.rglob("*"), reverse=True):
        if not (fresh / target.relative_to(docs)).exists():
            shutil.rmtree(target) if target.is_dir() else target.unlink()
            changed += 1
    return changed


def serve_site(load_graph: Callable[[], Graph | None], sources: SiteSources, watch: list[Path],
               address: str = "127.0.0.1:8000", graph: Graph | None = None, poll_seconds: float = 1.0) -> None:
    """Serve until interrupted. `graph`: the graph to start with (else `load_graph()`).
    `load_graph` returns None when the knowledge base is invalid (it reports why); the
    preview then keeps the last good pages."""
    graph = graph if graph is not None else load_graph()
    if graph is None:
        raise ValueError("the knowledge base is invalid")
    watch = [Path(w) for w in watch] + [Path(sources.hand_written)]
    with tempfile.TemporaryDirectory(prefix="eokb-serve-") as work_name:
        work = Path(work_name)
        docs = work / "docs"
        write_docs(graph, docs, sources)
        config = mkdocs_config(work, docs, work / "site", sources)
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", address],
                                  env=MKDOCS_ENV)
        seen = _fingerprint(watch)
        previous = signal.signal(signal.SIGTERM, _interrupt)  # `kill` ends the preview as Ctrl-C does
        try:
            while server.poll() is None:
                time.sleep(poll_seconds)
                now = _fingerprint(watch)
                if now == seen:
                    continue
                seen = now
                graph = load_graph()
                if graph is None:
                    print("site serve: the knowledge base is invalid; showing the last good pages", file=sys.stderr)
                    continue
                fresh = work / "fresh"
                shutil.rmtree(fresh, ignore_errors=True)
                write_docs(graph, fresh, sources)
                print(f"site serve: {_sync(fresh, docs)} file(s) changed", file=sys.stderr)
        finally:
            signal.signal(signal.SIGTERM, previous)
            _stop(server)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _stop(server: subprocess.Popen) -> None:
    """End MkDocs as Ctrl-C would (it then removes its own temporary site); kill it if it hangs."""
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
