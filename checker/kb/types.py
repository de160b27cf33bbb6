"""The value types the experts' YAML formats are declared with.

Each type knows its JSON Schema (for editors) and nothing about YAML: the loader
(`checker.kb.load`) converts YAML nodes by these declarations. Formats themselves are declared
in `checker.kb.formats`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ID_PATTERN = r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(/[a-z0-9]([a-z0-9.-]*[a-z0-9])?)*$"
ID_RE = re.compile(ID_PATTERN)
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class Type:
    """A value type of the formats."""

    def json_schema(self) -> dict:
        raise NotImplementedError

    def describe(self) -> str:
        """The type as named in error messages."""
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Type):
    """Text; never empty. `pattern` restricts it further."""

    pattern: str | None = None

    def json_schema(self) -> dict:
        schema = {"type": "string", "minLength": 1}
        if self.pattern:
            schema["pattern"] = self.pattern
        return schema

    def describe(self) -> str:
        return "text"


@dataclass(frozen=True)
class Url(Text):
    # RFC 3986: a host, then only the characters a URI may hold (a stray '|' or space is an error
    # here, not an rdflib warning and a crash when the graph is written).
    pattern: str | None = r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]*)?$"

    def describe(self) -> str:
        return "a web address: http:// or https://, then only the characters a URL may hold"


@dataclass(frozen=True)
class Pattern(Type):
    """A regular expression (Python's `re` syntax) that must compile when loaded.

    `groups` are the named groups it must have (`(?P<number>...)`), `optional_groups` those it
    may have besides; any other named group is an error, so a misspelt group is caught.
    """

    groups: tuple[str, ...] = ()
    optional_groups: tuple[str, ...] = ()

    def json_schema(self) -> dict:
        # No "format": "regex": editors check that against JavaScript's syntax, which has no (?P<name>...).
        return {"type": "string", "minLength": 1}

    def describe(self) -> str:
        if not self.groups:
            return "a regular expression"
        return "a regular expression with the groups " + ", ".join(f"(?P<{g}>...)" for g in self.groups)


@dataclass(frozen=True)
class Id(Type):
    """The id of the record that holds it; `kind` names what it identifies."""

    kind: str

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": ID_PATTERN}

    def describe(self) -> str:
        return f"the id of this {self.kind}"


@dataclass(frozen=True)
class Ref(Type):
    """A reference to a record of one of `kinds`, by its full id."""

    kinds: tuple[str, ...]

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": ID_PATTERN}

    def describe(self) -> str:
        return "the id of a " + " or ".join(self.kinds)


@dataclass(frozen=True)
class Enum(Type):
    values: tuple[str, ...]

    def json_schema(self) -> dict:
        return {"enum": list(self.values)}

    def describe(self) -> str:
        return "one of " + ", ".join(self.values)


@dataclass(frozen=True)
class Integer(Type):
    minimum: int | None = 0

    def json_schema(self) -> dict:
        schema: dict = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        return schema

    def describe(self) -> str:
        return "a whole number"


@dataclass(frozen=True)
class Number(Type):
    """A decimal number, kept exactly as written (no binary floating point)."""

    def json_schema(self) -> dict:
        return {"type": "number"}

    def describe(self) -> str:
        return "a number"


@dataclass(frozen=True)
class Boolean(Type):
    def json_schema(self) -> dict:
        return {"type": "boolean"}

    def describe(self) -> str:
        return "true or false"


@dataclass(frozen=True)
class Date(Type):
    def json_schema(self) -> dict:
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}

    def describe(self) -> str:
        return "a date YYYY-MM-DD"


@dataclass(frozen=True)
class LineRange(Type):
    """`[first, last]`: lines of a source text, 1-based, inclusive."""

    def json_schema(self) -> dict:
        return {
            "type": "array",
            "items": {"type": "integer", "minimum": 1},
            "minItems": 2,
            "maxItems": 2,
        }

    def describe(self) -> str:
        return "a line range [first, last]"


@dataclass(frozen=True)
class ListOf(Type):
    item: Type
    min_items: int = 0

    def json_schema(self) -> dict:
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema

    def describe(self) -> str:
        return "a list"


@dataclass(frozen=True)
class Field:
    type: Type
    doc: str
    required: bool = False


@dataclass(frozen=True)
class Obj(Type):
    """A mapping with a closed set of keys: one kind of record."""

    name: str
    doc: str
    fields: dict[str, Field] = field(default_factory=dict)

    @property
    def id_field(self) -> str | None:
        for key, spec in self.fields.items():
            if isinstance(spec.type, Id):
                return key
        return None

    def json_schema(self) -> dict:
        return {
            "type": "object",
            "description": self.doc,
            "additionalProperties": False,
            "required": [key for key, spec in self.fields.items() if spec.required],
            "properties": {
                key: {"description": spec.doc, **spec.type.json_schema()}
                for key, spec in self.fields.items()
            },
        }

    def describe(self) -> str:
        return f"a mapping ({self.name})"


def required(type: Type, doc: str) -> Field:
    return Field(type, doc, required=True)


def optional(type: Type, doc: str) -> Field:
    return Field(type, doc)
