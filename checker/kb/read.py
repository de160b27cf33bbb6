"""Strict reading of one YAML file into records that remember where they came from.

PyYAML composes the file into nodes (each with its line and column); this module converts
the nodes into `Record`s (checker.kb.convert) by the declarations of `checker.kb.formats`. This
module composes the text and refuses what YAML would otherwise guess at this level: anchors,
aliases, tags and syntax errors are problems, each with its position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from checker.kb.errors import Pos, Problems
from checker.kb.types import Obj

# LibYAML's C parser when PyYAML has it (it does on the usual platforms): the same events,
# nodes and marks as the Python one, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


class PosList(list):
    """A list that also remembers the position of each item."""

    def __init__(self, items=(), positions=()):
        super().__init__(items)
        self.positions: list[Pos] = list(positions)


@dataclass
class Record:
    """A mapping read from YAML: its declared format, values and their positions."""

    obj: Obj
    pos: Pos
    values: dict[str, Any] = field(default_factory=dict)
    value_pos: dict[str, Pos] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.obj.name

    @property
    def id(self) -> str | None:
        key = self.obj.id_field
        return self.values.get(key) if key else None

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def written(self, key: str) -> bool:
        """Whether the file gives `key`, even with a value that was refused (a problem then says so)."""
        return key in self.value_pos

    def at(self, key: str) -> Pos:
        """Where the value of `key` stands (the record itself when the key is absent)."""
        return self.value_pos.get(key, self.pos)


def position(path: str, mark: yaml.Mark) -> Pos:
    return Pos(path, mark.line + 1, mark.column + 1)


def _check_events(text: str, path: str, problems: Problems) -> bool:
    """Anchors, aliases and explicit tags are refused before composing; False if any."""
    clean = True
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            problems.add("KB103", position(path, event.start_mark), f"alias *{event.anchor} is not allowed")
            clean = False
        elif getattr(event, "anchor", None):
            problems.add("KB103", position(path, event.start_mark), f"anchor &{event.anchor} is not allowed")
            clean = False
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and tag not in _STANDARD_TAGS:
            problems.add("KB110", position(path, event.start_mark), f"the YAML tag {tag} is not used in these files")
            clean = False
    return clean


def compose(text: str, path: str, problems: Problems) -> yaml.Node | None:
    """The node tree of a file, or None after adding the problems that prevent it."""
    try:
        if not _check_events(text, path, problems):
            return None
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = position(path, mark) if mark else Pos(path, 1, 1)
        message = f"{error.problem or error.context}".strip()
        if error.context and error.context_mark and error.problem_mark:
            message += f" ({error.context} started at line {error.context_mark.line + 1})"
        problems.add("KB100", where, message)
    except yaml.YAMLError as error:
        problems.add("KB100", Pos(path, 1, 1), str(error))
    return None
