"""Converting composed YAML nodes into `Record`s, type by declared type.

Never lets YAML guess: duplicate keys, unknown keys, YAML 1.1 booleans (`yes`, `no`, `on`,
`off`) and values of the wrong type are problems, each with its position.
"""

from __future__ import annotations

import datetime
import difflib
import re
from decimal import Decimal
from typing import Any

import yaml

from checker.kb.errors import Pos, Problems
from checker.kb.read import PosList, Record, position
from checker.kb.types import (
    DATE_PATTERN, ID_RE, Boolean, Date, Enum, Id, Integer, LineRange, ListOf, Number, Obj, Pattern,
    Ref, Text, Type,
)


# YAML 1.1 reads these as booleans, YAML 1.2 (and so the experts' editors) as text.
_YAML11_BOOLEANS = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_BOOLEANS = {"true": True, "false": False}
_INTEGER = re.compile(r"^-?[0-9]+$")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_DATE = re.compile(DATE_PATTERN)


def _is_plain(node: yaml.ScalarNode) -> bool:
    """An unquoted scalar (PyYAML's Python parser says None, LibYAML's says '')."""
    return not node.style


class Converter:
    """Converts composed nodes by a declared type, collecting problems."""

    def __init__(self, path: str, problems: Problems) -> None:
        self.path = path
        self.problems = problems

    def pos(self, node: yaml.Node) -> Pos:
        return position(self.path, node.start_mark)

    def convert(self, node: yaml.Node, type: Type, what: str) -> Any:
        """The value of `node` as `type`, or None after adding a problem."""
        if isinstance(type, Obj):
            return self._obj(node, type, what)
        if isinstance(type, ListOf):
            return self._list(node, type, what)
        if isinstance(type, LineRange):
            return self._lines(node, what)
        if not isinstance(node, yaml.ScalarNode):
            shape = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
            self.problems.add("KB105", self.pos(node), f"{what}: expected {type.describe()}, found {shape}")
            return None
        return self._scalar(node, type, what)

    # -- mappings and lists --------------------------------------------------------------

    def _obj(self, node: yaml.Node, obj: Obj, what: str) -> Record | None:
        if not isinstance(node, yaml.MappingNode):
            self._wrong_shape(node, obj, what)
            return None
        record = Record(obj, self.pos(node))
        seen: dict[str, Pos] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.add("KB105", self.pos(key_node), f"{what}: a key must be a plain word")
                continue
            key = key_node.value
            if key in seen:
                self.problems.add("KB101", self.pos(key_node),
                                  f"duplicate key '{key}' in {obj.name} (first at line {seen[key].line})")
                continue
            seen[key] = self.pos(key_node)
            spec = obj.fields.get(key)
            if spec is None:
                self._unknown_key(key_node, obj)
                continue
            value = self.convert(value_node, spec.type, f"'{key}'")
            record.value_pos[key] = self.pos(value_node)  # also when invalid: `written` tells it was given
            if value is not None:
                record.values[key] = value
        for key, spec in obj.fields.items():
            if spec.required and key not in seen:
                self.problems.add("KB106", record.pos, f"{obj.name} has no '{key}' ({spec.doc})")
        return record

    def _unknown_key(self, key_node: yaml.ScalarNode, obj: Obj) -> None:
        key = key_node.value
        close = difflib.get_close_matches(key, obj.fields, n=1, cutoff=0.6)
        suggestion = f"; did you mean '{close[0]}'?" if close else ""
        allowed = ", ".join(obj.fields)
        self.problems.add("KB102", self.pos(key_node),
                          f"unknown key '{key}' in {obj.name}{suggestion} (allowed: {allowed})")

    def _list(self, node: yaml.Node, type: ListOf, what: str) -> PosList | None:
        if not isinstance(node, yaml.SequenceNode):
            self._wrong_shape(node, type, what)
            return None
        items = PosList()
        for item in node.value:
            value = self.convert(item, type.item, what)
            if value is not None:
                items.append(value)
                items.positions.append(self.pos(item))
        if len(node.value) < type.min_items:
            self.problems.add("KB110", self.pos(node), f"{what}: needs at least {type.min_items} item(s)")
        return items

    def _lines(self, node: yaml.Node, what: str) -> tuple[int, int] | None:
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        if items is None or len(items) != 2:
            self.problems.add("KB105", self.pos(node), f"{what}: expected a line range [first, last]")
            return None
        first = self.convert(items[0], Integer(1), what)
        last = self.convert(items[1], Integer(1), what)
        if first is None or last is None:
            return None
        if first > last:
            self.problems.add("KB110", self.pos(node), f"{what}: the range [{first}, {last}] runs backwards")
            return None
        return first, last

    def _wrong_shape(self, node: yaml.Node, type: Type, what: str) -> None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            found = "nothing"
        elif isinstance(node, yaml.ScalarNode):
            found = f"'{node.value}'"
        else:
            found = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
        hint = " (write [value] for a list of one)" if isinstance(type, ListOf) and isinstance(node, yaml.ScalarNode) else ""
        self.problems.add("KB105", self.pos(node), f"{what}: expected {type.describe()}, found {found}{hint}")

    # -- scalars --------------------------------------------------------------------------

    def _scalar(self, node: yaml.ScalarNode, type: Type, what: str) -> Any:
        raw, plain = node.value, _is_plain(node)
        if isinstance(type, (Text, Id, Ref)):
            return self._text(node, type, what)
        if isinstance(type, Pattern):
            return self._pattern(node, type, what)
        if isinstance(type, Enum):
            if raw in type.values:
                return raw
            close = difflib.get_close_matches(raw, type.values, n=1, cutoff=0.6)
            suggestion = f"; did you mean '{close[0]}'?" if close else ""
            self.problems.add("KB109", self.pos(node), f"{what}: '{raw}' is not allowed{suggestion} ({type.describe()})")
            return None
        if isinstance(type, Boolean):
            if plain and raw in _BOOLEANS:
                return _BOOLEANS[raw]
            if plain and _YAML11_BOOLEANS.match(raw):  # KB105, whose hint agrees: not KB104's "quote it"
                self.problems.add("KB105", self.pos(node),
                                  f"{what}: '{raw}' means true/false in YAML 1.1 but text in YAML 1.2; write true or false")
                return None
            return self._wrong_scalar(node, type, what)
        if isinstance(type, Integer):
            if plain and _INTEGER.match(raw):
                value = int(raw)
                if type.minimum is not None and value < type.minimum:
                    self.problems.add("KB110", self.pos(node), f"{what}: {value} is below the minimum {type.minimum}")
                    return None
                return value
            return self._wrong_scalar(node, type, what)
        if isinstance(type, Number):
            if plain and _NUMBER.match(raw):
                return Decimal(raw)
            return self._wrong_scalar(node, type, what)
        if isinstance(type, Date):
            return self._date(node, what)
        raise TypeError(f"no conversion for {type!r}")

    def _text(self, node: yaml.ScalarNode, type: Text | Id | Ref, what: str) -> str | None:
        raw = node.value
        if _is_plain(node):
            if _YAML11_BOOLEANS.match(raw):
                self.problems.add("KB104", self.pos(node),
                                  f"{what}: '{raw}' is read as true/false by YAML 1.1; write \"{raw}\" for text")
                return None
            resolved = node.tag.rsplit(":", 1)[-1]
            if resolved in ("bool", "int", "float", "timestamp"):
                self.problems.add("KB105", self.pos(node),
                                  f"{what}: '{raw}' is read as a {resolved}, not text; write \"{raw}\"")
                return None
            if resolved == "null":
                self.problems.add("KB105", self.pos(node), f"{what}: no value given; expected {type.describe()}")
                return None
        text = raw.strip()
        if not text:
            self.problems.add("KB110", self.pos(node), f"{what}: empty text")
            return None
        if isinstance(type, (Id, Ref)):
            if not ID_RE.match(text):
                self.problems.add("KB108", self.pos(node), f"{what}: '{text}' is not a valid id")
                return None
            return text
        if type.pattern and not re.match(type.pattern, text):
            self.problems.add("KB110", self.pos(node), f"{what}: '{text}' is not {type.describe()}")
            return None
        return raw if "\n" in raw else text

    def _pattern(self, node: yaml.ScalarNode, type: Pattern, what: str) -> str | None:
        """A regular expression as written (spaces kept), after it compiled with the groups it needs."""
        if self._text(node, Text(), what) is None:
            return None
        pattern = node.value
        try:
            groups = set(re.compile(pattern).groupindex)
        except (re.error, OverflowError, RecursionError) as error:
            self.problems.add("KB114", self.pos(node), f"{what}: '{pattern}' is not a regular expression: {error}")
            return None
        missing = [f"(?P<{name}>...)" for name in type.groups if name not in groups]
        if missing:
            self.problems.add("KB114", self.pos(node), f"{what}: '{pattern}' has no group {', '.join(missing)}")
            return None
        extra = sorted(groups - set(type.groups) - set(type.optional_groups))
        if extra:
            allowed = ", ".join(type.groups + type.optional_groups) or "none"
            self.problems.add("KB114", self.pos(node),
                              f"{what}: '{pattern}' has the group(s) {', '.join(extra)}, not used here (allowed: {allowed})")
            return None
        return pattern

    def _date(self, node: yaml.ScalarNode, what: str) -> datetime.date | None:
        raw = node.value
        if not _DATE.match(raw):
            self.problems.add("KB107", self.pos(node), f"{what}: '{raw}' is not a date YYYY-MM-DD")
            return None
        try:
            return datetime.date.fromisoformat(raw)
        except ValueError:
            self.problems.add("KB107", self.pos(node), f"{what}: {raw} is not a real calendar date")
            return None

    def _wrong_scalar(self, node: yaml.ScalarNode, type: Type, what: str) -> None:
        quoted = " (quoted, so it is text)" if node.style in ("'", '"') else ""
        self.problems.add("KB105", self.pos(node), f"{what}: expected {type.describe()}, found '{node.value}'{quoted}")
        return None
