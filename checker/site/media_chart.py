"""The media-monitoring chart of an election's conduct page: each monitored outlet's share of
political news coverage per subject, as a PNG drawn at build time with matplotlib. The page
puts the same numbers beside it as a text table, for readers who cannot see the image."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MEDIA_CHART = "media-coverage.png"
# Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


@dataclass
class MediaChart:
    file: str  # a file name beside the page
    alt: str  # untrusted (outlet and party names): escaped when rendered


def _number(text: str) -> float:
    return float(text.replace("about", "").replace("%", "").strip() or 0)


def _outlet(row) -> str:
    return row.outlet.text + (" (state-funded)" if row.state_funded else "")


def media_chart(rows, path: Path | str) -> MediaChart:
    """Draw `rows` (checker.site.pages.observed.MediaRow, those with a share) as grouped bars:
    one group per outlet, state-funded outlets first, one bar per subject."""
    from matplotlib.figure import Figure  # no pyplot: no GUI backend, no global state

    shown = [r for r in rows if r.share]
    outlets = list(dict.fromkeys(_outlet(r) for r in shown))
    subjects = list(dict.fromkeys(" and ".join(s.text for s in r.subjects) for r in shown))
    figure = Figure(figsize=(9, 0.55 * len(outlets) * max(1, len(subjects)) / 2 + 2.4), dpi=110)
    ax = figure.subplots()
    height = 0.8 / max(1, len(subjects))
    for n, subject in enumerate(subjects):
        bars = [(i + (n - (len(subjects) - 1) / 2) * height, _number(r.share), "about" in r.share)
                for i, outlet in enumerate(outlets) for r in shown
                if _outlet(r) == outlet and " and ".join(s.text for s in r.subjects) == subject]
        ax.barh([b[0] for b in bars], [b[1] for b in bars], height=height, color=PALETTE[n % len(PALETTE)],
                label=subject, hatch=["//" if b[2] else "" for b in bars])
    ax.set_yticks(list(range(len(outlets))), outlets, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("share of the outlet's political news coverage (%)", fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", linewidth=0.3)
    handles, names = ax.get_legend_handles_labels()
    figure.legend(handles, names, loc="lower center", ncol=2, fontsize=7, frameon=False)
    figure.tight_layout(rect=(0, 0.06 + 0.02 * ((len(subjects) + 1) // 2), 1, 1))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", metadata={"Software": None})
    alt = (f"Bar chart of the media monitoring: the share of political news coverage that {len(outlets)} outlets "
           f"gave to {len(subjects)} subjects (hatched: a share the report gives as approximate); the table beside "
           f"it gives the same numbers.")
    return MediaChart(MEDIA_CHART, alt)
