"""A report's numeric claims, recomputed from its annex data (issue 7)."""

from __future__ import annotations

from checker.kb.types import (
    Enum, Id, Integer, ListOf, Number, Obj, Ref, Text, optional, required,
)
from checker.kb.formats.common import QUOTE

CLAIM_RELATIONS = ("equals", "rounds-to", "more-than", "less-than", "at-least", "most-of", "consistent-with-shown")
_TABLE = Text(r"^[a-z0-9.-]+/annex-[0-9]+$")
_SELECTION = {
    "table": required(_TABLE, "The table: <report>/annex-<n>."),
    "region": optional(Text(), "Only the stations of this region (as in stations.csv)."),
    "tec": optional(Text(), "Only the stations of this TEC (as in stations.csv)."),
}
OPERAND_FIELDS = {
    "stations": optional(Obj("station-count", "How many stations of a table meet a condition.", {
        **_SELECTION,
        "where": required(Enum(("shown", "differs", "increased", "decreased", "others-decreased",
                                "no-other-party-gains", "every-valid-vote")),
                          "shown: every station; differs: any figure differs between protocol and CEC data; "
                          "increased / decreased: the party's CEC figure is higher / lower than the protocol's; "
                          "others-decreased: the other parties together have fewer votes; no-other-party-gains: "
                          "no other party has more votes; every-valid-vote: the party has every valid vote in "
                          "the CEC data."),
        "party": optional(Ref(("party",)), "The party the condition is about."),
        "by_at_least": optional(Integer(1), "With increased / decreased: by at least this many votes."),
    }), "Count stations."),
    "net_shift": optional(Obj("net-shift", "CEC data minus protocol, summed over a table's stations.", {
        **_SELECTION, "party": required(Ref(("party",)), "The party."),
    }), "A party's net gain (negative: loss)."),
    "parties_changed": optional(Obj("parties-changed", "How many parties' figures change at some station.", {
        **_SELECTION,
    }), "Count parties."),
    "station_figure": optional(Obj("station-figure", "One figure of one station.", {
        "table": required(_TABLE, "The table."),
        "station": required(Text(), "The station key, as in stations.csv."),
        "source": required(Enum(("pec-protocol", "cec-data")), "Whose figure."),
        "column": required(Text(), "A party id, invalid, or total (all columns)."),
    }), "A station's figure."),
    "table_sum": optional(Obj("table-sum", "The sum of a column of a table of results by party.", {
        "table": required(_TABLE, "The table."),
        "measure": required(Enum(("votes", "percent", "mandates")), "The column."),
    }), "A column's sum."),
    "vote_share": optional(Obj("vote-share", "A party's votes as a percentage of all parties' votes.", {
        "table": required(_TABLE, "The table."), "party": required(Ref(("party",)), "The party."),
    }), "A share of the valid votes."),
    "seats": optional(Obj("seats", "A party's seats under the law in force: threshold, then allocation.", {
        "table": required(_TABLE, "The table of results by party."), "party": required(Ref(("party",)), "The party."),
    }), "Seats, by every allocation method tried."),
    "parties_over_threshold": optional(Obj("parties-over-threshold", "Parties at or over the legal threshold.", {
        "table": required(_TABLE, "The table of results by party."),
    }), "Count parties."),
    "figure": optional(Obj("figure-ref", "A number a finding states.", {
        "finding": required(Ref(("finding",)), "The finding."),
        "label": required(Text(), "The figure's label, exactly."),
    }), "A finding's figure."),
}
OPERAND = Obj("operand", "One computed number: exactly one key.", OPERAND_FIELDS)
COMPUTATION = Obj("computation", "What to compute from the data: exactly one key.", {
    **OPERAND_FIELDS,
    "difference": optional(ListOf(OPERAND, 2), "The first number minus the second."),
    "ratio_percent": optional(ListOf(OPERAND, 2), "The first number as a percentage of the second."),
})
CLAIM = Obj("claim", "A number the report states that its data can recompute.", {
    "id": required(Id("claim"), "<report>/claim/<slug>."),
    "statement": required(Text(), "Own words: what the report claims, as recomputed."),
    "finding": optional(Ref(("finding",)), "The finding that states it."),
    "quote": required(QUOTE, "The report's words, verbatim."),
    "figure": required(Number(), "The report's figure (for most-of: how many cases it speaks of)."),
    "relation": required(Enum(CLAIM_RELATIONS), "How the computed number must stand to the figure."),
    "of": optional(Integer(1), "With consistent-with-shown: how many stations the figure is counted among; "
                               "the table shows only some of them."),
    "compute": required(COMPUTATION, "What to compute."),
    "note": optional(Text(), "Own words: how the claim is read."),
})
CLAIMS_FILE = Obj("claims-file", "A report's numeric claims that its data can recompute.", {
    "claims": required(ListOf(CLAIM, 1), "Claims."),
})
