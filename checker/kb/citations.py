"""Where a report's text cites a commitment or an article of a law, found from data.

The standards say how reports cite their paragraphs (`cited_as` in `commitments/*.yaml`: a
pattern with a `paragraph` group, the words that must stand `near` it, the `id` it continues
with); a bare "Article N.M" cites the law a report declares (`cites_articles_of`). One place for
both readers of citations: `kbcheck coverage` (which cited ids the knowledge base lacks) and
`kbcheck scaffold` (one candidate per citing sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.kb.read import Record

# A national article: "Article 4.4", "Article 50-5", "Article 27.10". A bare "Article 25" is left
# to the standards' own patterns ("Article 25 of the ICCPR"): without a paragraph it is as often
# a treaty's article, or a name ("Article 19", the organisation), as the declared law's.
ARTICLE = re.compile(r"Article (\d+(?:[.-]\d+)+)")
NEAR_BEFORE, NEAR_AFTER = 400, 80  # how far `near:` words may stand from the match, in characters


@dataclass(frozen=True)
class Citation:
    """One cited id, and where its citation stands in the text searched (character offsets)."""

    id: str
    start: int
    end: int


def article_id(law: str, article: str) -> str:
    """Article '4.4' of law 'xx/election-law' is 'xx/election-law/art-4/4'; '50-5' is '.../art-50-5'."""
    number, _, paragraphs = article.partition(".")
    return f"{law}/art-{number}" + "".join(f"/{p}" for p in paragraphs.split(".") if p)


def find_citations(text: str, standards: Iterable[Record], law: str | None = None) -> list[Citation]:
    """Every citation in `text` of a standard's paragraph (by its `cited_as` patterns) and, with
    `law`, of an article of that law; in the order of the standards, then of the text."""
    found: list[Citation] = []
    for standard in standards:
        for citation in standard.get("cited_as") or []:
            for match in re.finditer(citation["pattern"], text):
                near = citation.get("near")
                if near and near not in text[max(0, match.start() - NEAR_BEFORE): match.end() + NEAR_AFTER]:
                    continue
                for group, number in match.groupdict().items():
                    if group.startswith("paragraph") and number:
                        rest = (citation.get("id") or "{paragraph}").format(paragraph=number)
                        found.append(Citation(f"{standard.id}/{rest}", match.start(), match.end()))
    if law:
        for match in ARTICLE.finditer(text):
            found.append(Citation(article_id(law, match.group(1)), match.start(), match.end()))
    return found
