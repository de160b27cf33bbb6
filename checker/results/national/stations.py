"""A dataset's CSV read into columns: one array of counts per protocol line and per party.

The file is checked against the SHA-256 its dataset.yaml records (KB308) before it is read; a
header its `columns` do not map, a missing or non-integer count and a station that appears
twice are KB309 at the CSV's line (in a zipped file, the line of its one member).
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from checker.kb.errors import Pos, Problems
from checker.kb.read import Record

MAX_ROW_PROBLEMS = 50  # then one line saying how many more: a broken file must not flood the terminal
_CHUNK = 10_000


@dataclass
class Stations:
    """A dataset's stations, in file order: labels, source lines, and one column per count."""

    source: str  # the CSV file, relative to the knowledge base root
    regions: list[str] = field(default_factory=list)
    commissions: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    lines: array = field(default_factory=lambda: array("q"))
    figures: dict[str, array] = field(default_factory=dict)  # protocol line -> counts
    votes: dict[str, array] = field(default_factory=dict)  # party id -> votes

    def __len__(self) -> int:
        return len(self.lines)

    def label(self, index: int) -> str:
        """The station in words: its number, commission and region."""
        return f"station {self.numbers[index]}, {self.commissions[index]}, {self.regions[index]}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def open_csv(path: Path) -> Iterator[io.TextIOBase]:
    """The CSV text of a plain or zipped (one member) file."""
    if path.name.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if not m.endswith("/")]
            if len(members) != 1:
                raise ValueError(f"the archive holds {len(members)} files; it must hold one CSV file")
            with archive.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="")
    else:
        with path.open(encoding="utf-8", newline="") as stream:
            yield stream


def read_stations(root: Path, dataset_file: str, dataset: Record, problems: Problems) -> Stations | None:
    """The stations of one dataset, or None when its file cannot be trusted or read at all."""
    folder = (root / dataset_file).parent
    data = dataset["data"]
    path = folder / data["file"]
    where = path.relative_to(root).as_posix()
    if not path.is_file():
        problems.add("KB309", data.at("file"), f"{data['file']} is not beside {dataset_file}")
        return None
    found = sha256_of(path)
    if found != data["sha256"]:
        problems.add("KB308", data.at("sha256"), f"{where} has SHA-256 {found}, not the {data['sha256']} recorded")
        return None
    try:
        with open_csv(path) as stream:
            return _Reader(where, dataset, problems).read(csv.reader(stream))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, csv.Error) as error:
        problems.add("KB309", Pos(where), f"cannot be read as a UTF-8 CSV file: {error}")
        return None


class _Reader:
    def __init__(self, where: str, dataset: Record, problems: Problems) -> None:
        self.where, self.dataset, self.problems = where, dataset, problems
        self.row_problems = 0

    def problem(self, line: int, message: str) -> None:
        self.row_problems += 1
        if self.row_problems <= MAX_ROW_PROBLEMS:
            self.problems.add("KB309", Pos(self.where, line), message)

    def read(self, reader) -> Stations | None:
        header = next(reader, None)
        mapped = {c["header"]: c for c in self.dataset["columns"]}
        if header is None:
            self.problem(1, "the file is empty; it must start with a header row")
            return None
        for name in header:
            if name not in mapped:
                self.problem(1, f"column '{name}' is not in the dataset's `columns`: map it to a protocol line, "
                             "a party or a station label")
        for name in mapped:
            if name not in header:
                self.problem(1, f"the dataset maps column '{name}', which the header does not have")
        if self.row_problems:
            return None
        where = {name: header.index(name) for name in mapped}
        label_at = {c["holds"]: where[c["header"]] for c in mapped.values() if c.get("holds") in
                    ("region", "commission", "station")}
        count_columns = [c for c in mapped.values() if c.get("holds") not in ("region", "commission", "station", "link")]
        count_at = [where[c["header"]] for c in count_columns]
        stations = Stations(self.where)
        keys = [c.get("holds") or c["party"] for c in count_columns]
        columns = [array("q") for _ in keys]
        seen: dict[tuple[str, str, str], int] = {}
        chunk: list[list[int]] = []
        width = len(header)
        for row in reader:
            line = reader.line_num
            if len(row) != width:
                self.problem(line, f"the row has {len(row)} fields; the header has {width}")
                continue
            station = (row[label_at["region"]], row[label_at.get("commission", label_at["region"])],
                       row[label_at["station"]])
            if station in seen:
                self.problem(line, f"station {station[2]} of {station[1]}, {station[0]} is already on line "
                             f"{seen[station]}")
                continue
            seen[station] = line
            counts = [row[i] for i in count_at]
            if not all(map(str.isdigit, counts)) or not all(map(str.isascii, counts)):
                for key, text in zip(keys, counts):
                    if not (text.isascii() and text.isdigit()):
                        what = "is missing" if not text.strip() else f"is '{text}', not a whole number"
                        self.problem(line, f"the count of {key} {what}")
                continue
            chunk.append(list(map(int, counts)))
            stations.regions.append(station[0])
            stations.commissions.append(station[1])
            stations.numbers.append(station[2])
            stations.lines.append(line)
            if len(chunk) == _CHUNK:
                _flush(chunk, columns)
        _flush(chunk, columns)
        if self.row_problems > MAX_ROW_PROBLEMS:
            self.problems.add("KB309", Pos(self.where), f"{self.row_problems - MAX_ROW_PROBLEMS} more rows "
                              "have problems like those above")
        if self.row_problems:
            return None
        for column, key in zip(count_columns, keys):
            target = stations.votes if "party" in column else stations.figures
            target[key] = columns[keys.index(key)]
        return stations


def _flush(chunk: list[list[int]], columns: list[array]) -> None:
    for column, values in zip(columns, zip(*chunk)):
        column.extend(values)
    chunk.clear()
