"""What a later report says of earlier recommendations: `findings/<report>/follow-up.yaml`.

An expert of the later report writes it in that report's folder, quoting the later report. Two
kinds of statement: the status of a recommendation the knowledge base holds (an earlier report's,
of the same country), and what the report says of earlier recommendations the knowledge base does
not hold (reports not encoded), as far as it says it. That a recommendation repeats an earlier one
is said on the recommendation itself (`repeats:` in recommendations.yaml).
"""

from __future__ import annotations

from checker.kb.types import Enum, Id, ListOf, Obj, Ref, Text, optional, required
from checker.kb.formats.common import FOLLOW_UP_STATUSES, QUOTE

_STATUS_DOC = ("How far it was implemented, in the report's words read on ODIHR's scale: fully, mostly, "
               "partially, not-implemented, or not-assessed (the report mentions it without saying).")

ASSESSMENT = Obj("follow-up-assessment", "The status this report records of an earlier report's recommendation.", {
    "recommendation": required(Ref(("recommendation",)), "The earlier recommendation, by its full id: a "
                               "recommendation of a report on the same country published before this one."),
    "status": required(Enum(FOLLOW_UP_STATUSES), _STATUS_DOC),
    "section": required(Ref(("section",)), "The section of this report that says it."),
    "quotes": required(ListOf(QUOTE, 1), "Where this report says it, verbatim."),
    "note": optional(Text(), "Own words."),
})
EARLIER = Obj("earlier-recommendations", "What this report says of earlier recommendations that the knowledge base "
              "does not hold (their report is not encoded): only as far as the report says it.", {
    "id": required(Id("earlier-recommendations"), "<report>/earlier/<slug>."),
    "made_in": required(Text(), "The earlier reports or assessments, as this report names them."),
    "about": required(Text(), "Own words: which recommendations, as far as the report says (never more)."),
    "status": required(Enum(FOLLOW_UP_STATUSES), _STATUS_DOC),
    "section": required(Ref(("section",)), "The section of this report that says it."),
    "quotes": required(ListOf(QUOTE, 1), "Where this report says it, verbatim."),
    "note": optional(Text(), "Own words."),
})
FOLLOW_UP_FILE = Obj("follow-up-file", "What a report says of earlier reports' recommendations.", {
    "assessments": optional(ListOf(ASSESSMENT, 1), "The status of earlier recommendations the knowledge base holds."),
    "earlier": optional(ListOf(EARLIER, 1), "Statements on earlier recommendations the knowledge base does not hold."),
})
