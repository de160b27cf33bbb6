"""A report's recommendations and its own verdicts; the maintainers' waivers."""

from __future__ import annotations

from checker.kb.types import (
    Date, Enum, Id, Integer, LineRange, ListOf, Number, Obj, Ref, Text, optional, required,
)
from checker.kb.formats.common import FOLLOW_UP_STATUSES, QUOTE, SCOPES, SEVERITIES
from checker.kb.formats.law import FACTS

GROUP = Obj("group", "A group of recommendations.", {
    "letter": required(Text(r"^[A-Z]$"), "Letter."),
    "title": required(Text(), "Title."),
    "lines": required(LineRange(), "Lines of the group."),
})
FOLLOW_UP = Obj("follow-up", "An assessment of how far a recommendation was implemented.", {
    "date": required(Date(), "Date of the assessment."),
    "status": required(Enum(FOLLOW_UP_STATUSES), "Status."),
    "source": required(Text(), "The recommendation's own report id, or a named source outside the knowledge "
                       "base (a later report of the knowledge base records its assessment in its own "
                       "follow-up.yaml, with a quotation)."),
    "note": optional(Text(), "Own words."),
})
PROPOSED_CHANGE = Obj("proposed-change", "A change to the facts of a provision that a recommendation asks for.", {
    "provision": required(Ref(("provision",)), "The provision to change."),
    "facts": required(FACTS, "The facts it would lay down instead (same groups and chambers are replaced)."),
    "summary": required(Text(), "Own words: the change."),
})
RECOMMENDATION = Obj("recommendation", "A numbered recommendation of a report.", {
    "id": required(Id("recommendation"), "<report>/rec/<number>."),
    "number": required(Integer(1), "Number."),
    "group": optional(Text(r"^[A-Z]$"), "Group letter, when the report groups its recommendations."),
    "text": required(QUOTE, "Full text, verbatim."),
    "findings": optional(ListOf(Ref(("finding",))), "Findings it answers."),
    "commitments": optional(ListOf(Ref(("commitment",))), "Commitments it serves."),
    "provisions": optional(ListOf(Ref(("provision",))), "Provisions it asks to change."),
    "repeats": optional(Ref(("recommendation",)), "The earlier recommendation it repeats: one of a report on the "
                        "same country published before this one."),
    "follow_up": optional(ListOf(FOLLOW_UP, 1), "Status over time, oldest first, by the report itself or by "
                          "sources outside the knowledge base (later reports: their follow-up.yaml)."),
    "proposed_changes": optional(ListOf(PROPOSED_CHANGE), "The fact changes it asks for (kbcheck simulate)."),
})
RECOMMENDATIONS_FILE = Obj("recommendations-file", "A report's recommendations.", {
    "groups": optional(ListOf(GROUP, 1), "Groups, when the report groups its recommendations."),
    "recommendations": required(ListOf(RECOMMENDATION, 1), "Recommendations."),
})

REPORT_VERDICT = Obj("report-verdict", "A report's own verdict on a commitment.", {
    "id": required(Id("report-verdict"), "<report>/verdict/<short>."),
    "election": required(Ref(("election",)), "The election."),
    "commitment": required(Ref(("commitment",)), "The commitment."),
    "scope": required(Enum(SCOPES), "What the verdict judges: law (the legal framework as written), conduct "
                      "(what happened: campaign, media, administration, voting, count, tabulation, complaints) "
                      "or results (the published results)."),
    "wording": required(Text(), "The report's words, as in a quotation."),
    "severity": required(Enum(SEVERITIES), "What the words mean."),
    "quotes": required(ListOf(QUOTE, 1), "Where the report says it."),
    "findings": optional(ListOf(Ref(("finding",))), "Findings it rests on."),
})
VERDICTS_FILE = Obj("verdicts-file", "A report's own verdicts.", {
    "verdicts": required(ListOf(REPORT_VERDICT), "Verdicts (none yet in a new report's skeleton)."),
})


WAIVER = Obj("waiver", "A maintainer's acceptance of a known result.", {
    "rule": required(Text(r"^[A-Za-z0-9.-]+$"), "The rule id, e.g. CPH-7.2-popular-chamber."),
    "election": required(Ref(("election",)), "The election whose result is accepted."),
    "justification": required(Text(), "Why the result is accepted."),
    "owner": required(Text(), "Who is answerable for the waiver."),
    "expires": required(Date(), "Last day the waiver holds; after it, the waiver is an error."),
})
WAIVERS_FILE = Obj("waivers-file", "Accepted results.", {
    "waivers": required(ListOf(WAIVER), "Waivers."),
})

PARAMETER_OVERRIDE = Obj("parameter-override", "A knowledge base's own value for a rule parameter.", {
    "parameter": required(Text(r"^[a-z0-9-]+$"), "The parameter's id, e.g. max-residency-years (kbcheck rules lists them)."),
    "value": required(Number(), "The value to use instead of the rules' default."),
    "justification": required(Text(), "Why this knowledge base departs from the default."),
    "owner": required(Text(), "Who is answerable for the override."),
})
PARAMETERS_FILE = Obj("parameters-file", "Rule parameters this knowledge base sets differently.", {
    "parameters": required(ListOf(PARAMETER_OVERRIDE), "Overrides."),
})
