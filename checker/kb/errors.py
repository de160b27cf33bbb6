"""The catalogue of problems the knowledge base can have, and how they are reported.

Every problem has a stable id (tests assert ids, never wording), a message saying what is
wrong and a hint saying what to do. Problems are collected, never raised one by one, so an
expert sees every mistake of a run at once, each as ``path:line:col: ID message (hint)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Pos:
    """A place in a file, 1-based, as editors and compilers print it."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"


@dataclass(frozen=True)
class ErrorKind:
    id: str
    title: str
    hint: str


CATALOGUE: dict[str, ErrorKind] = {
    kind.id: kind
    for kind in (
        # Reading YAML
        ErrorKind("KB100", "YAML syntax error", "fix the YAML syntax at this place (indentation, a missing colon or quote)"),
        ErrorKind("KB101", "duplicate key", "remove one of the two entries; a key may appear once in a mapping"),
        ErrorKind("KB102", "unknown key", "check the spelling against the file's schema (docs/formats.md)"),
        ErrorKind("KB103", "YAML anchor or alias", "write the value out in full; anchors (&) and aliases (*) are not allowed"),
        ErrorKind("KB104", "ambiguous value where text is expected", "put the value in double quotes, e.g. \"no\" or \"7.5\""),
        ErrorKind("KB105", "wrong type", "give a value of the type the schema names"),
        ErrorKind("KB106", "missing required key", "add the key; see the file's schema (docs/formats.md)"),
        ErrorKind("KB107", "invalid date", "write a real calendar date as YYYY-MM-DD, unquoted"),
        ErrorKind("KB108", "invalid identifier", "use lowercase segments of a-z, 0-9, '.' and '-', joined by '/'"),
        ErrorKind("KB109", "value not allowed", "use one of the allowed values"),
        ErrorKind("KB110", "invalid value", "correct the value as the message says"),
        ErrorKind("KB111", "unreadable file", "save the file as UTF-8 text"),
        ErrorKind("KB112", "file in an unknown place", "move it to the folder of its kind (docs/formats.md) or remove it"),
        ErrorKind("KB113", "missing or wrong schema line", "make the first line '# yaml-language-server: $schema=<the path given>'"),
        ErrorKind("KB114", "invalid regular expression", "write a Python regular expression with the named groups "
                  "the key asks for, e.g. (?P<number>\\d+); quote it in single quotes"),
        ErrorKind("KB115", "inconsistent annex layout", "make the layout's parts agree as the message says "
                  "(docs/formats.md, annex-layout)"),
        ErrorKind("KB116", "no knowledge base here", "give --kb the folder that holds commitments/, law/ and findings/"),
        ErrorKind("KB117", "inconsistent results dataset", "make the dataset's parts agree as the message says "
                  "(docs/formats.md, results-dataset)"),
        # Between records
        ErrorKind("KB201", "duplicate id", "give each record its own id; ids are unique across the knowledge base"),
        ErrorKind("KB202", "reference to an unknown id", "correct the id, or add the record it refers to"),
        ErrorKind("KB203", "overlapping provision versions", "make one version end (in_force_to) before the next starts"),
        ErrorKind("KB204", "version ends before it starts", "in_force_to must be on or after in_force_from"),
        ErrorKind("KB205", "id outside its parent", "start the id with the id of the record it belongs to"),
        ErrorKind("KB206", "reference to the wrong kind of record", "refer to a record of the kind the key expects"),
        ErrorKind("KB207", "expired waiver", "renew the waiver with a new justification and expiry date, or remove it"),
        ErrorKind("KB208", "waiver of an unknown rule", "use a rule id from `kbcheck rules`"),
        ErrorKind("KB209", "unknown id in result data", "use a party id of elections.yaml, a station key of "
                  "annexes/stations.csv or a table <report>/annex-<n> that the annexes define"),
        ErrorKind("KB210", "override of an unknown parameter", "use a parameter id from `kbcheck rules` (parameters are declared in rules/parameters.ttl)"),
        ErrorKind("KB211", "references into a file that could not be read", "fix that file first; its references are checked once it reads"),
        ErrorKind("KB212", "follow-up of a recommendation that is not earlier", "a report assesses or repeats only "
                  "recommendations of reports published before it: name the earlier recommendation"),
        ErrorKind("KB213", "follow-up across countries", "a report follows up only recommendations on the country it "
                  "observed: name a recommendation of an earlier report on the same country"),
        ErrorKind("KB214", "follow-up dates out of order", "list follow_up entries oldest first, none dated before "
                  "the recommendation's report was published"),
        # Against the source text
        ErrorKind("KB301", "quotation not found in the source", "copy the text verbatim from the source lines given"),
        ErrorKind("KB302", "quotation found on other lines", "correct `lines` to where the quotation stands"),
        ErrorKind("KB303", "source text missing", "ship the report's or standard's text file where `source.file` says"),
        ErrorKind("KB304", "source text changed", "the file's SHA-256 differs from `source.sha256`; restore the file or update the checksum after review"),
        ErrorKind("KB305", "verdict wording not in the quotations", "quote the passage that holds the report's verdict words"),
        ErrorKind("KB306", "lines outside the source or the section", "give lines inside the source file and inside the section named"),
        ErrorKind("KB307", "annex data differs from the source text", "regenerate the CSV files with `python -m "
                  "checker.results.annexes write <report folder>`; never edit them by hand; if the text does not "
                  "parse, correct annexes/layout.yaml"),
        ErrorKind("KB308", "results data changed", "the file's SHA-256 differs from `data.sha256` in dataset.yaml; "
                  "restore the published file, or review the new one and record its checksum"),
        ErrorKind("KB309", "results data unreadable", "correct the row or the dataset's `columns` as the message "
                  "says: a count is a whole number, a station appears once, every header is mapped"),
    )
}


@dataclass(frozen=True)
class Problem:
    """One mistake in the knowledge base, at a place."""

    id: str
    pos: Pos
    message: str

    def __post_init__(self) -> None:
        if self.id not in CATALOGUE:
            raise ValueError(f"problem id {self.id} is not in the catalogue")

    @property
    def hint(self) -> str:
        return CATALOGUE[self.id].hint

    def __str__(self) -> str:
        return f"{self.pos}: {self.id} {self.message} ({self.hint})"


@dataclass
class Problems:
    """A collector: every stage adds what it finds, the CLI prints them all."""

    items: list[Problem] = field(default_factory=list)

    def add(self, id: str, pos: Pos, message: str) -> None:
        self.items.append(Problem(id, pos, message))

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.sorted())

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.pos.path, p.pos.line, p.pos.column, p.id))


def relative(path: Path, root: Path) -> str:
    """A path as printed in messages: relative to the knowledge base, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
