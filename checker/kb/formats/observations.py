"""What a report says observers saw, as typed facts on the finding that states them: shares and
counts of what observers measured (`measured`) and media-monitoring coverage (`media`).

Each measure comes from one catalogue (`checker/kb/formats/measures.py`): a *share* is a
percentage of what was observed (or a count of a base the report gives, from which the share is
computed), a *tally* is a count of things or incidents. Rules judge the measure's property
(`eokb:<measure>Percent` or `eokb:<measure>Count`, checker/graph/terms.py), never the prose.
"""

from __future__ import annotations

from checker.kb.errors import Problems
from checker.kb.formats.common import FACT_BASES, QUOTE
from checker.kb.formats.measures import MEASURES, OF, TONES
from checker.kb.read import Record
from checker.kb.types import Boolean, Date, Enum, Integer, ListOf, Number, Obj, Ref, Text, optional, required

_BASIS = {
    "basis": required(Enum(FACT_BASES), "Where the figure comes from: observation (the mission saw or measured "
                      "it), authority-statement (an authority gave it, e.g. the CEC), report-assessment, inferred."),
    "basis_note": optional(Text(), "Own words: who gave the figure (authority-statement), why it is inferred "
                           "(inferred), or what the figure covers when the quotation does not say."),
    "quote": required(QUOTE, "The words of the report that state it, verbatim."),
    "election": optional(Ref(("election",)), "The election it is about; defaults to the finding's."),
}
MEASURED_FACT = Obj("measured-fact", "A share or count of what observers saw, of one measure of the catalogue.", {
    "measure": required(Enum(tuple(MEASURES)), "What was measured (the catalogue: docs/formats.md, "
                        "'Measures'); its phase and whether it is a share or a tally come with it."),
    "percent": optional(Number(), "A share: the percentage of `of` the report gives."),
    "count": optional(Integer(0), "How many: of a tally, the number; of a share, how many of `of` the report "
                      "gives besides (or instead of) the percentage."),
    "of": required(Enum(OF), "What the share or count is of (the base)."),
    "base": optional(Integer(1), "The size of the base, when the report gives it (e.g. 191 mobile votings observed)."),
    "at_least": optional(Boolean(), "The count is a lower bound: the report says 'several', 'a few' or gives "
                         "examples only."),
    "approximate": optional(Boolean(), "The report gives the figure as approximate ('some', 'about')."),
    "places": optional(ListOf(Text()), "Where, as the report names the places."),
    "parties": optional(ListOf(Ref(("party",))), "The parties it concerns (e.g. whose nominees)."),
    "body": optional(Ref(("body",)), "The body it concerns (e.g. the commission or court that received "
                     "complaints, the outlet that refused advertisements)."),
    "as_of": optional(Date(), "The day the figure holds on, when the report gives one."),
    **_BASIS,
})
MEDIA_FACT = Obj("media-fact", "Media monitoring: how much of an outlet's coverage went to one subject, and in what tone.", {
    "outlet": required(Ref(("body",)), "The outlet (a body of kind media-outlet in country.yaml)."),
    "subjects": required(ListOf(Ref(("party", "body")), 1), "Who was covered: a party, or bodies such as the "
                         "President and the Government when the report gives their share together."),
    "share_percent": optional(Number(), "Its share of the outlet's political (or election) news coverage."),
    "tone": optional(Enum(TONES), "The tone of that coverage, as the report describes it."),
    "tone_percent": optional(Number(), "The share of that coverage in that tone, when the report gives it."),
    "approximate": optional(Boolean(), "The report gives the share as approximate ('about one-third')."),
    **_BASIS,
})
OBSERVATIONS = Obj("observations", "Typed facts of what observers saw, stated by this finding.", {
    "measured": optional(ListOf(MEASURED_FACT), "Shares and counts of what observers saw."),
    "media": optional(ListOf(MEDIA_FACT), "Media-monitoring coverage per outlet and subject."),
})


def check_observations(top: Record, problems: Problems) -> None:
    """A share gives a percentage or a count of a base; a tally gives a count and no percentage;
    a media fact gives a share or a tone (KB106, KB110)."""
    for finding in top.get("findings") or []:
        observations = finding.get("observations") if isinstance(finding, Record) else None
        if not isinstance(observations, Record):
            continue
        for fact in observations.get("measured") or []:
            measure = MEASURES.get(fact.get("measure"))
            if not isinstance(fact, Record) or measure is None:
                continue
            if measure.kind == "share" and fact.get("percent") is None and (
                    fact.get("count") is None or fact.get("base") is None):
                problems.add("KB106", fact.pos, f"'{fact['measure']}' is a share: give 'percent', or 'count' "
                             "with the 'base' it is a share of")
            if measure.kind == "tally":
                if fact.get("count") is None:
                    problems.add("KB106", fact.pos, f"'{fact['measure']}' is a tally: give 'count'")
                if fact.get("percent") is not None:
                    problems.add("KB110", fact.at("percent"), f"'{fact['measure']}' is a tally: it has a "
                                 "'count', not a 'percent'")
        for fact in observations.get("media") or []:
            if isinstance(fact, Record) and fact.get("share_percent") is None and fact.get("tone") is None:
                problems.add("KB106", fact.pos, "a media fact gives 'share_percent', 'tone' or both")
