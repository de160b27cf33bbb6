"""The knowledge base's national results datasets, read once when it is loaded."""

from __future__ import annotations

from dataclasses import dataclass

from checker.kb.errors import Problems
from checker.kb.load import KnowledgeBase
from checker.kb.read import Record
from checker.results.national.stations import Stations, read_stations


@dataclass
class Dataset:
    file: str  # its dataset.yaml, relative to the knowledge base root
    record: Record
    stations: Stations

    @property
    def election(self) -> Record:
        return self.record["election"]

    @property
    def election_id(self) -> str:
        return self.election["id"]

    def party_name(self, party_id: str) -> str:
        return next(p["name"] for p in self.record["parties"] if p["id"] == party_id)


def read_datasets(kb: KnowledgeBase, problems: Problems) -> dict[str, Dataset]:
    """Every dataset, by its election's id; a dataset with problems is left out (they are added)."""
    found: dict[str, Dataset] = {}
    for kb_file in kb.files:
        if kb_file.kind.name != "results-dataset":
            continue
        record = kb_file.top["dataset"]
        stations = read_stations(kb.root, kb_file.path, record, problems)
        if stations is not None:
            found[record["election"]["id"]] = Dataset(kb_file.path, record, stations)
    return found
