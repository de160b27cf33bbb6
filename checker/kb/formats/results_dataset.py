"""A national results dataset (`results/<dataset>/dataset.yaml`): one row per polling station.

The file declares, as data, what a results table holds: the election it counts (with its
parties), the CSV file (plain or zipped, with its SHA-256 and provenance) and, for each column
of the CSV's header, the protocol line or the party it holds. The reader of
`checker/results/national/` knows the protocol's lines and nothing of any country: a new
country's results are a new folder with this file beside its data.
"""

from __future__ import annotations

from checker.kb.errors import Problems
from checker.kb.read import Record
from checker.kb.types import ID_PATTERN, Date, Enum, Id, ListOf, Obj, Ref, Text, Url, optional, required

# The lines of a polling station's results protocol a column may hold (general: every
# protocol of the OSCE area has most of them). Counts are whole numbers; the first four
# name the station and are text.
STATION_LABELS = ("region", "commission", "station", "link")
PROTOCOL_LINES = (
    "registered-voters", "ballots-received", "ballots-issued-early", "ballots-issued-in-station",
    "ballots-issued-outside", "ballots-cancelled", "ballots-in-mobile-boxes", "ballots-in-stationary-boxes",
    "invalid-ballots", "valid-ballots", "ballots-lost", "ballots-not-accounted",
    "absentee-received", "absentee-issued-at-station", "absentee-voters", "absentee-cancelled",
    "absentee-issued-by-commission", "absentee-lost",
)
ELECTION_KINDS = ("parliamentary", "early-parliamentary", "presidential", "local")  # as in elections.yaml
_ID = Text(ID_PATTERN)
_SHA256 = Text(r"^[0-9a-f]{64}$")
_FILE = Text(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.csv(\.zip)?$")

ELECTION = Obj("results-election", "The election the dataset counts.", {
    "id": required(_ID, "<country>/<year>-<chamber>, e.g. xx/2020-assembly."),
    "title": required(Text(), "Its title, in English."),
    "country": required(Ref(("country",)), "The country (law/<country>/country.yaml)."),
    "chamber": required(Ref(("chamber",)), "The chamber elected (of the country's file)."),
    "date": required(Date(), "Election day."),
    "kind": required(Enum(ELECTION_KINDS), "Kind."),
})
PARTY = Obj("results-party", "A party list on the ballot.", {
    "id": required(_ID, "<country>/party/<name>."),
    "name": required(Text(), "Its name, in English."),
    "abbreviation": optional(Text(), "Its usual abbreviation."),
})
COLUMN = Obj("results-column", "A column of the CSV's header and what it holds.", {
    "header": required(Text(), "The column's header, exactly as in the file."),
    "holds": optional(Enum(STATION_LABELS + PROTOCOL_LINES), "The station label or the protocol line it holds."),
    "party": optional(_ID, "The party whose votes it counts (one of `parties`)."),
})
DATA = Obj("results-data", "The CSV file and where it comes from.", {
    "file": required(_FILE, "The CSV file beside this one: UTF-8, a header row, one row per station; "
                            "zipped (.csv.zip, one member) or not."),
    "sha256": required(_SHA256, "The file's SHA-256, checked on every load."),
    "publisher": required(Text(), "Who published the figures (e.g. the central election commission)."),
    "collected_by": optional(Text(), "Who collected them from the publisher, where not the publisher."),
    "url": required(Url(), "Where the file was taken from."),
    "notes": optional(Text(), "What a reader must know of the file (e.g. its README)."),
})
DATASET = Obj("results-dataset", "Polling-station results of one election.", {
    "id": required(Id("results-dataset"), "<election id>/polling-stations."),
    "election": required(ELECTION, "The election."),
    "parties": required(ListOf(PARTY, 1), "The party lists, in ballot order."),
    "data": required(DATA, "The CSV file."),
    "columns": required(ListOf(COLUMN, 1), "Every column of the header, in order: a station label, a "
                                             "protocol line or a party."),
})
DATASET_FILE = Obj("results-dataset-file", "A national results dataset.", {
    "dataset": required(DATASET, "The dataset."),
})


def check_results_dataset(top: Record, problems: Problems) -> None:
    """KB117: the parts of a dataset that must agree (the file may be incomplete: KB1xx then)."""
    dataset = top.get("dataset")
    if not isinstance(dataset, Record):
        return
    parties = {p["id"] for p in dataset.get("parties") or [] if isinstance(p, Record) and "id" in p}
    election = dataset.get("election")
    if isinstance(election, Record) and "id" in dataset and "id" in election \
            and not dataset["id"].startswith(election["id"] + "/"):
        problems.add("KB117", dataset.at("id"), f"the dataset's id must start with its election's id "
                     f"'{election['id']}/'")
    holds_seen: dict[str, int] = {}
    for column in dataset.get("columns") or []:
        if not isinstance(column, Record):
            continue
        if ("holds" in column) == ("party" in column):
            problems.add("KB117", column.pos, "a column holds either a protocol line or station label "
                         "(`holds`) or a party's votes (`party`), exactly one of them")
            continue
        key = "holds" if "holds" in column else "party"
        value = column[key]
        if key == "party" and value not in parties:
            problems.add("KB117", column.at("party"), f"'{value}' is not one of the dataset's parties")
        if value in holds_seen:
            problems.add("KB117", column.at(key), f"'{value}' is held by the column at line {holds_seen[value]} too")
        holds_seen.setdefault(value, column.at(key).line)
    missing = [label for label in ("region", "station") + _NEEDED if label not in holds_seen]
    if dataset.get("columns") and missing:
        problems.add("KB117", dataset.at("columns"), "no column holds " + ", ".join(missing))


# The figures every check of `checker/results/national/` reads.
_NEEDED = ("registered-voters", "ballots-in-mobile-boxes", "ballots-in-stationary-boxes", "invalid-ballots",
           "valid-ballots")
