"""The height of every page of a built site, on a phone and on a desktop, in chromium.

    python tools/page_heights.py build/site

Prints the median and the tallest page at 390×844 and at 1280×900, and a few pages readers
open most. The site is served on 127.0.0.1 while it runs; nothing leaves the machine.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import sys
import threading
from pathlib import Path

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
WATCHED = ("commitments/copenhagen-1990/7.2", "elections/kz/2007-majilis", "recommendations/odihr-kz-2007/rec/2")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def heights(root: Path) -> dict[str, dict[str, int]]:
    from playwright.sync_api import sync_playwright

    pages = sorted(p.parent.relative_to(root).as_posix() for p in root.rglob("index.html") if "search" not in p.parts)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    measured: dict[str, dict[str, int]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--headless", "--no-sandbox", "--disable-gpu"])
            for size, viewport in SIZES.items():
                context = browser.new_context(viewport=viewport)
                tab = context.new_page()
                measured[size] = {}
                for path in pages:
                    tab.goto(base + ("" if path == "." else path + "/"), wait_until="load")
                    measured[size][path] = tab.evaluate("document.documentElement.scrollHeight")
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return measured


def main(argv: list[str]) -> int:
    measured = heights(Path(argv[0]))
    for size, by_page in measured.items():
        values = sorted(by_page.values())
        print(f"{size}: {len(values)} pages, median {statistics.median(values):.0f} px, tallest {values[-1]} px")
    for path in WATCHED:
        print(path, {size: measured[size].get(path) for size in measured})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
