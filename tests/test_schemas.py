"""The JSON Schemas the experts' editors use agree with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from checker.kb.formats import FILE_KINDS
from checker.kb.load import discover, kind_of
from checker.kb.schemas import render, write_schemas
from tests.conftest import FIXTURES, KB_SMALL, ROOT


class _Yaml12Loader(yaml.SafeLoader):
    """Reads scalars as an editor's YAML 1.2 language server does: dates stay text."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_shipped_schemas_are_up_to_date():
    assert write_schemas(ROOT, check_only=True) == [], "run: kbcheck schemas"


@pytest.mark.parametrize("kind", FILE_KINDS, ids=[k.name for k in FILE_KINDS])
def test_schema_is_valid_json_schema(kind):
    schema = json.loads(render(kind))
    jsonschema.Draft202012Validator.check_schema(schema)


def _files():
    for root in (ROOT, KB_SMALL, FIXTURES / "annex-layout"):
        for path in discover(root):
            yield pytest.param(root, path, id=str(path.relative_to(ROOT)))


@pytest.mark.parametrize("root,path", list(_files()))
def test_every_file_validates_against_its_schema(root: Path, path: Path):
    kind = kind_of(path.relative_to(root).as_posix())
    schema = json.loads((ROOT / kind.schema_file).read_text(encoding="utf-8"))
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def _objects(obj, seen=None):
    from checker.kb.types import ListOf, Obj

    seen = seen if seen is not None else {}
    if isinstance(obj, Obj) and obj.name not in seen:
        seen[obj.name] = obj
        for spec in obj.fields.values():
            inner = spec.type.item if isinstance(spec.type, ListOf) else spec.type
            _objects(inner, seen)
    return seen


def test_docs_formats_documents_every_key_and_value():
    """docs/formats.md is checked against checker/kb/formats: every key of every kind of file is
    shown, and every allowed value of the enumerations experts type most (units, bases)."""
    from checker.kb.formats import FILE_KINDS
    from checker.kb.formats.common import BINDING_BASES, FACT_BASES, FIGURE_UNITS, SCOPES, SECTION_PARTS

    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    objects = {}
    for kind in FILE_KINDS:
        _objects(kind.top, objects)
    missing = sorted({f"{obj.name}.{key}" for obj in objects.values() for key in obj.fields
                      if f"{key}:" not in text})
    assert not missing, f"docs/formats.md does not show these keys: {missing}"
    from checker.kb.formats.measures import MEASURES, OF, TONES

    for value in (*FIGURE_UNITS, *FACT_BASES, *BINDING_BASES, *SCOPES, *SECTION_PARTS, *MEASURES, *OF, *TONES):
        assert value in text, f"docs/formats.md does not name the value {value!r}"
