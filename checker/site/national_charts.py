"""The pictures of a national results page, drawn at build time with matplotlib: the
turnout–leader's-share two-dimensional histogram (the "comet" of Kobak, Shpilkin &
Pshenichnikov) and the histograms of turnout and of the leader's share in 0.1-point bins,
where whole-number spikes show. The page puts text tables beside each, for readers who cannot
see the images (checker/site/pages/national.py)."""

from __future__ import annotations

import math
from pathlib import Path

from checker.results.national.shapes import Shapes

COMET = "comet.png"
TURNOUT = "turnout-histogram.png"
LEADER = "leader-share-histogram.png"
BLUE, ORANGE = "#0072B2", "#D55E00"  # Okabe-Ito: distinguishable with every common colour-vision deficiency


def _save(figure, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", metadata={"Software": None})


def comet_chart(shape: Shapes, leader_name: str, folder: Path) -> str:
    """The two-dimensional histogram, a cell per point of turnout × point of the leader's share,
    shaded by the logarithm of its number of stations. Returns the file name."""
    from matplotlib.figure import Figure  # no pyplot: no GUI backend, no global state

    cells = [[math.log10(1 + shape.comet[t][s]) for t in range(101)] for s in range(101)]  # rows: share
    figure = Figure(figsize=(6.4, 5.6), dpi=110)
    ax = figure.subplots()
    image = ax.imshow(cells, origin="lower", extent=(0, 101, 0, 101), cmap="viridis", aspect="equal",
                      interpolation="nearest")
    ax.set_xlabel("turnout (%): ballots in the boxes of the registered voters", fontsize=8)
    ax.set_ylabel(f"{leader_name}'s share of the ballots in the boxes (%)", fontsize=8)
    ax.tick_params(labelsize=7)
    bar = figure.colorbar(image, ax=ax, shrink=0.8)
    bar.set_label("polling stations per cell (log scale: 1 = 10, 2 = 100)", fontsize=7)
    bar.ax.tick_params(labelsize=7)
    figure.tight_layout()
    _save(figure, folder / COMET)
    return COMET


def histogram_chart(bins: list[int], label: str, colour: str, folder: Path, name: str) -> str:
    """Stations per 0.1-point bin, as a step line: a spike at a whole number stands out."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 3.4), dpi=110)
    ax = figure.subplots()
    ax.stairs(bins, [i / 10 for i in range(len(bins) + 1)], color=colour, linewidth=0.7)
    ax.set_xlim(0, 100)
    top = max(bins[:-1] or [1]) * 1.15
    if bins and bins[-1] > top:  # every 100 % falls in the last bin: drawn off the scale, said in words
        ax.set_ylim(0, top)
        ax.annotate(f"99.9–100: {bins[-1]:,} stations, off the scale", xy=(100, top), xytext=(97.5, top * 0.9),
                    fontsize=7, ha="right", arrowprops={"arrowstyle": "->", "linewidth": 0.6})
    ax.set_xlabel(f"{label} (%), bins of 0.1 point", fontsize=8)
    ax.set_ylabel("polling stations", fontsize=8)
    ax.set_xticks(range(0, 101, 5))
    ax.tick_params(labelsize=7)
    ax.grid(axis="x", linewidth=0.3)
    figure.tight_layout()
    _save(figure, folder / name)
    return name
