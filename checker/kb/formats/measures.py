"""The catalogue of what observers measure, declared once: each measure's kind (a *share* of
what was observed, or a *tally* of things or incidents), the phase of the process it belongs to,
and what it means. A measure `family-voting` becomes the property `eokb:familyVotingPercent`
(a share) or, for a tally such as `multiple-voting`, `eokb:multipleVotingCount`
(checker/graph/terms.py); the ontology declares each (tests/test_observations.py)."""

from __future__ import annotations

from dataclasses import dataclass

PHASES = ("campaign", "media", "administration", "election-day", "count", "tabulation", "complaints")
TONES = ("positive", "positive-or-neutral", "neutral", "mixed", "negative")
OF = (
    "polling-stations-visited", "openings-observed", "counts-observed", "mobile-voting-observed",
    "e-voting-stations-visited", "tabulation-observations", "tecs-visited", "observer-teams",
    "commission-members", "commission-positions", "party-nominees", "pecs", "complaints", "court-cases",
    "court-petitions", "persons", "regions", "instances", "advertisements", "voter-ids", "ballots",
    "polling-stations",
)


@dataclass(frozen=True)
class Measure:
    kind: str  # share | tally
    phase: str  # one of PHASES
    doc: str


def _catalogue(phase: str, entries: dict[str, tuple[str, str]]) -> dict[str, Measure]:
    return {key: Measure(kind, phase, doc) for key, (kind, doc) in entries.items()}


MEASURES: dict[str, Measure] = {
    **_catalogue("campaign", {
        "campaigners-detained": ("tally", "Persons detained by the police for campaigning."),
        "campaign-material-stolen": ("tally", "Thefts of a party's campaign material."),
        "venues-denied-to-opposition": ("tally", "Places where opposition parties were refused suitable venues "
                                                 "for campaign events."),
        "selective-enforcement-against-opposition": ("tally", "Cases where the authorities enforced a campaign "
                                                              "rule against one party and not another that broke it too."),
        "party-posters-in-polling-stations": ("tally", "Places where a party's posters were seen in polling "
                                                       "station premises before election day, against the law."),
        "state-material-with-party-material": ("tally", "Cases of a state body handing out a party's campaign "
                                                        "material together with its own."),
        "employees-taken-to-rally": ("tally", "Cases of employers transporting employees to a party's rally."),
        "employers-checking-votes": ("tally", "Places where employers checked whether their employees had voted."),
        "assemblies-refused": ("tally", "Public gatherings of parties refused permission by the authorities."),
    }),
    **_catalogue("media", {
        "paid-advertisements-refused": ("tally", "A party's paid campaign advertisements a broadcaster refused to air."),
        "campaign-texts-edited": ("tally", "A party's campaign texts or recorded debates edited by a media outlet "
                                           "against the party's will."),
        "print-runs-seized": ("tally", "Print runs of newspapers seized."),
    }),
    **_catalogue("administration", {
        "commission-members-nominated": ("share", "Election commission members nominated by the parties named."),
        "party-nominees-appointed": ("tally", "Nominees of the parties named who were appointed to election "
                                              "commissions (of `base` nominees or positions)."),
        "tec-chairs-nominated": ("tally", "TEC chairs nominated by the parties named, among the TECs visited."),
        "pecs-of-one-employer": ("tally", "Places where polling station commissions were made up of employees "
                                          "of one employer."),
        "military-unit-pecs-under-command": ("tally", "Polling station commissions in military units made up of "
                                                      "the unit's officers and chaired by its command."),
        "pecs-with-undeclared-party-members": ("tally", "Polling station commissions with members of one party "
                                                        "nominated by other parties."),
    }),
    **_catalogue("election-day", {
        "voting-assessed-positively": ("share", "Polling stations where observers assessed voting positively."),
        "ballots-not-counted-at-opening": ("share", "Openings where the ballot papers were not counted or recorded."),
        "unauthorised-persons-present": ("share", "Polling stations with unauthorised persons present."),
        "unauthorised-persons-directing-pec": ("tally", "Polling stations where unauthorised persons interfered in "
                                                        "or directed the commission's work."),
        "election-material-missing": ("share", "Polling stations lacking required election material."),
        "ballot-boxes-not-sealed": ("share", "Observations where ballot boxes were not adequately sealed."),
        "identity-not-checked": ("share", "Polling stations where voters' identity documents were not always checked."),
        "observer-access-problems": ("share", "Polling stations where observers met access problems during voting."),
        "observers-kept-out-by-force": ("tally", "Polling stations where physical force kept observers out."),
        "family-voting": ("share", "Polling stations where group (family) voting was seen."),
        "open-voting": ("tally", "Polling stations where voters voted openly."),
        "mobile-voting-secrecy-breached": ("share", "Mobile votings observed where the secrecy of the vote was "
                                                    "not respected."),
        "mobile-voting-irregularities": ("share", "Mobile votings observed with irregularities or procedural errors."),
        "voters-not-signing": ("share", "Polling stations where not all voters signed the voter list."),
        "identical-signatures": ("share", "Polling stations with apparently identical signatures on the voter list."),
        "proxy-voting": ("share", "Polling stations where one person voted on behalf of another."),
        "multiple-voting": ("tally", "Direct observations of a person casting more than one vote."),
        "ballot-stuffing-indications": ("tally", "Polling stations with indications of ballot box stuffing."),
        "e-voting-choice-not-free": ("tally", "Polling stations where voters were not free to choose between "
                                              "paper and electronic voting."),
        "e-voting-protocol-not-posted": ("share", "E-voting polling stations that did not post the e-voting "
                                                  "results protocol."),
        "control-code-protocol-not-posted": ("share", "E-voting polling stations that did not post the protocol "
                                                      "of control codes."),
        "e-voting-repeated-voter-ids": ("tally", "Voter identity numbers used for more than one electronic ballot."),
    }),
    **_catalogue("count", {
        "count-assessed-negatively": ("share", "Counts observed that observers assessed negatively."),
        "count-serious-procedural-errors": ("share", "Counts observed with serious procedural errors or omissions."),
        "count-serious-irregularities": ("share", "Counts observed with serious irregularities."),
        "count-transparency-negative": ("share", "Counts observed whose transparency observers assessed negatively."),
        "observers-restricted-in-count": ("share", "Counts observed where observers were restricted in their activity."),
        "observers-kept-too-far-in-count": ("share", "Counts observed where observers were kept too far away to "
                                                     "see the count."),
        "marked-ballots-not-shown": ("share", "Counts observed where marked ballots were not shown to observers."),
        "choices-not-announced": ("share", "Counts observed where voters' choices were not announced aloud."),
        "police-present-at-count": ("share", "Counts observed with police present."),
        "unauthorised-persons-at-count": ("share", "Counts observed with unauthorised persons present."),
        "unauthorised-persons-directing-count": ("tally", "Counts where unauthorised persons directed or "
                                                          "interfered in the commission's work."),
        "count-tense-atmosphere": ("share", "Counts observed in a tense atmosphere."),
        "count-intimidation": ("tally", "Counts where commission members or party observers were intimidated."),
        "voters-total-not-entered": ("share", "Counts where the total number of voters was not entered in the "
                                              "protocol before the ballot boxes were opened."),
        "ballots-issued-not-recorded": ("share", "Counts where the number of voters issued ballots was not recorded."),
        "unused-ballots-not-cancelled": ("share", "Counts where unused ballots were not cancelled and counted."),
        "votes-not-sorted": ("tally", "Counts where votes were not sorted into piles per party."),
        "recounts-demanded": ("share", "Counts where party observers or others demanded a recount."),
        "count-complaints-filed": ("share", "Counts where formal complaints were submitted."),
        "control-documents-tampered": ("share", "Counts where a commission tampered with voter list entries, "
                                                "results or protocols."),
        "protocol-completion-difficult": ("share", "Counts where the commission had difficulty completing the "
                                                   "result protocol."),
        "protocols-filled-incorrectly": ("share", "Counts where the result protocol was not filled out correctly."),
        "protocols-partially-completed": ("tally", "Counts where the result protocol was only partly completed."),
        "protocol-copy-refused": ("share", "Counts where a copy of the protocol was not given to those entitled."),
        "protocols-not-posted": ("share", "Counts where the results protocol was not posted publicly as the law "
                                          "requires."),
        "turnout-over-95-percent": ("tally", "Counts observed at stations reporting more than 95 per cent turnout."),
        "turnout-100-percent-or-more": ("tally", "Counts observed at stations reporting 100 per cent turnout or more."),
    }),
    **_catalogue("tabulation", {
        "protocols-not-taken-directly-to-tec": ("share", "Observations where PECs did not take their protocols "
                                                         "directly to the TEC."),
        "pec-not-accompanying-material": ("share", "Observations where only some PEC members, not the full "
                                                   "commission, took the material to the TEC."),
        "tabulation-assessed-negatively": ("share", "TECs where observers assessed the tabulation negatively."),
        "observers-restricted-at-tec": ("share", "TECs where observers were restricted or obstructed."),
        "teams-denied-protocol-scrutiny": ("tally", "Observer teams not permitted to scrutinise PEC protocols directly."),
        "teams-unable-to-see-data-entry": ("tally", "Observer teams unable to see the figures being entered."),
        "tec-checked-all-protocols": ("share", "TECs that checked every PEC protocol for completeness."),
        "tecs-with-all-protocols-correct": ("share", "TECs where every PEC protocol scrutinised was complete and correct."),
        "tecs-reconciling-all-protocols": ("share", "TECs able to reconcile every PEC protocol."),
        "tecs-reconciling-no-protocol": ("share", "TECs unable to reconcile any PEC protocol."),
        "tabulation-discrepancies": ("tally", "Observer teams that found a station's tabulated result differing "
                                              "from the count they saw."),
        "tec-material-not-secure": ("tally", "TECs where the election material was not stored securely."),
        "tecs-refusing-results-data": ("tally", "TECs unwilling to give observers data on the results."),
    }),
    **_catalogue("complaints", {
        "complaints-received": ("tally", "Complaints a body received."),
        "complaints-decided-formally": ("share", "Complaints on which the body took a formal decision."),
        "court-cases-filed": ("tally", "Election cases filed with a court."),
        "court-cases-heard": ("tally", "Election cases a court heard."),
        "court-petitions-rejected": ("tally", "Petitions the courts ruled inadmissible or otherwise did not satisfy."),
        "complaints-partially-upheld": ("tally", "Complaints or petitions partially upheld."),
    }),
}
