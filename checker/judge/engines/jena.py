"""Apache Jena's SHACL, run from Debian's package, as an independent second engine.

Debian's `libapache-jena-java` ships the classes but no `shacl` script, and its jars do not
run as they are:

* `/usr/share/java` holds several SLF4J bindings, and two of them abort start-up
  (log4j12 with log4j-over-slf4j, jcl with jcl-over-slf4j): the class path keeps
  `slf4j-api` and one binding;
* Debian relocated Jena's copy of Xerces to the package `xerces` but left its message
  `.properties` under `org/apache/jena/ext/xerces/`, so the first XSD datatype fails with
  "internal error": the resources are copied into a cache folder laid out as `xerces/…`,
  first on the class path.

Before Jena runs, the shapes go through the checks every engine makes (shacl_sparql.refuse):
Jena 4.5 would run SERVICE (a request to the endpoint a rule names), leaves $shapesGraph
unbound, and runs what SHACL forbids. Jena's report has no sh:sourceConstraint for SHACL-SPARQL
results; it is filled in when the shape has a single sh:sparql constraint (`_with_constraints`).
For many small validations (the W3C test suite), `jena_validate_many` runs them in one JVM.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

from dataclasses import replace
from importlib import resources

import pyoxigraph as ox
from rdflib import SH, Graph, Literal, URIRef

from checker.graph.framed_graph import FramedGraph

from checker.judge.engines.results import (RawResult, UnsupportedShape, node_text, parse_report, results_from_report,
                                          text_node)
from checker.judge.engines.shacl_sparql import refuse

JAVA_DIR = Path("/usr/share/java")
MAIN_CLASS = "shacl.shacl"  # Jena's `shacl` command, in jena-cmds.jar
XERCES_RESOURCES = "org/apache/jena/ext/xerces/"
# C1 only: a run on the bundled KB takes ~1.7 s instead of ~2.3 s (start-up dominates); national
# data (over a million triples) runs long enough for the optimising compiler to pay.
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1",)
LARGE = 1_000_000
# Preferred SLF4J binding: slf4j-simple writes Jena's warnings to stderr, which an error shows.
BINDING_PREFERENCE = ("slf4j-simple", "slf4j-nop", "slf4j-jdk14")
INSTALL_HINT = "install it with `apt-get install libapache-jena-java default-jre-headless` (scripts/setup.sh)"


class JenaUnavailable(RuntimeError):
    """Java or Debian's Jena jars are not installed: the engine cannot run at all."""


class JenaError(RuntimeError):
    """Jena ran but failed; the message carries Jena's own error messages."""


def java() -> str:
    found = shutil.which("java")
    if found is None:
        raise JenaUnavailable(f"no `java` on the PATH; {INSTALL_HINT}")
    return found


@lru_cache(maxsize=None)
def _entries(jar: Path) -> frozenset[str]:
    try:
        with zipfile.ZipFile(jar) as archive:
            return frozenset(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return frozenset()


def _is_slf4j_binding(jar: Path) -> bool:
    names = _entries(jar)  # SLF4J 1.x binder class, or a 2.x service provider
    return ("org/slf4j/impl/StaticLoggerBinder.class" in names
            or "META-INF/services/org.slf4j.spi.SLF4JServiceProvider" in names)


def _jar_with(java_dir: Path, entry: str) -> Path:
    for jar in sorted(java_dir.glob("jena-*.jar")):
        if entry in _entries(jar.resolve()):
            return jar.resolve()
    raise JenaUnavailable(f"Apache Jena is not installed in {java_dir} (no jena-*.jar holds {entry}); {INSTALL_HINT}")


def jars(java_dir: Path = JAVA_DIR) -> list[Path]:
    """Every jar of the directory once (versioned names are symlinks), with one SLF4J binding."""
    _jar_with(java_dir, MAIN_CLASS.replace(".", "/") + ".class")
    unique = sorted({jar.resolve() for jar in java_dir.glob("*.jar") if jar.resolve().is_file()})
    bindings = [jar for jar in unique if _is_slf4j_binding(jar)]
    ranked = sorted(bindings, key=lambda jar: next(
        (i for i, name in enumerate(BINDING_PREFERENCE) if jar.name.startswith(name)), len(BINDING_PREFERENCE)))
    extra = set(ranked[1:])
    return [jar for jar in unique if jar not in extra]


def xerces_resources(java_dir: Path = JAVA_DIR) -> Path:
    """A folder holding Jena's Xerces `.properties` under `xerces/`, extracted once per jar."""
    jar = _jar_with(java_dir, XERCES_RESOURCES + "impl/msg/XMLSchemaMessages.properties")
    stat = jar.stat()
    key = hashlib.sha256(f"{jar}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    target = _cache_dir() / f"jena-xerces-{key}"
    if (target / "xerces").is_dir():
        return target
    # Extract beside the target and rename: a concurrent run never sees a half-written folder.
    staging = Path(tempfile.mkdtemp(prefix="jena-xerces-", dir=target.parent))
    with zipfile.ZipFile(jar) as archive:
        for name in archive.namelist():
            if name.startswith(XERCES_RESOURCES) and name.endswith(".properties"):
                out = staging / "xerces" / name[len(XERCES_RESOURCES):]
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(archive.read(name))
    try:
        staging.rename(target)
    except OSError:  # another run got there first
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _cache_dir() -> Path:
    # The folder goes first on the class path, so it must be the user's own: never a shared,
    # predictable /tmp name that another user could fill with classes.
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eokb"
    try:
        base.mkdir(parents=True, exist_ok=True)
        return base
    except OSError:
        return Path(tempfile.mkdtemp(prefix="eokb-"))


def class_path(java_dir: Path = JAVA_DIR) -> str:
    found = jars(java_dir)  # first: it tells when Jena is not installed at all
    return os.pathsep.join([str(xerces_resources(java_dir)), *map(str, found)])


def jena_refuse(shapes: Graph) -> None:
    """What every engine refuses (shacl_sparql.refuse)."""
    refuse(shapes)


def jena_validate(data: Graph, shapes: Graph) -> list[RawResult]:
    """Jena's `shacl validate` on the two graphs, its Turtle report read back as RawResults."""
    jena_refuse(shapes)
    with tempfile.TemporaryDirectory(prefix="eokb-jena-") as folder:
        data_file, shapes_file = Path(folder) / "data.nt", Path(folder) / "shapes.nt"
        triples, escaped = _write_data(data, data_file)
        shapes.serialize(shapes_file, format="nt", encoding="utf-8")
        options = JVM_OPTIONS if triples < LARGE else ()
        run = subprocess.run([java(), *options, "-cp", class_path(), MAIN_CLASS, "validate", "--shapes",
                              str(shapes_file), "--data", str(data_file)], capture_output=True, text=True, encoding="utf-8")
    if run.returncode != 0:
        raise JenaError(f"Jena's shacl validate exited with {run.returncode}:\n{_messages(run.stderr)}")
    return _unescaped(_with_constraints(_results(run.stdout, run.stderr), shapes), escaped)


def _write_data(data: Graph, path: Path) -> tuple[int, dict[str, str]]:
    """The data as N-Triples, and how many triples. National data (a framed graph over an
    Oxigraph store, `oxigraph_graph`) is written by Oxigraph itself, the framing triples after
    it: rdflib would take minutes. Also the IRIs Oxigraph holds escaped (store.Terms)."""
    base, extra = data.parts() if isinstance(data, FramedGraph) else (data, Graph())
    inner = getattr(base.store, "_inner", None)
    if not isinstance(inner, ox.Store):
        data.serialize(path, format="nt", encoding="utf-8")
        return len(data), {}
    inner.dump(output=str(path), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    with open(path, "ab") as out:
        out.write(extra.serialize(format="nt", encoding="utf-8"))
    terms = getattr(base.store, "eokb_terms", None)
    return len(inner) + len(extra), dict(terms.escaped) if terms is not None else {}


def _unescaped(results: list[RawResult], escaped: dict[str, str]) -> list[RawResult]:
    if not escaped:
        return results
    return [replace(r, focus=escaped.get(r.focus, r.focus),
                    value=URIRef(escaped[str(r.value)]) if isinstance(r.value, URIRef) and str(r.value) in escaped
                    else r.value) for r in results]


def _results(turtle: str, stderr: str = "") -> list[RawResult]:
    try:
        report = parse_report(turtle)
    except Exception as error:  # rdflib raises several kinds for bad Turtle
        raise JenaError(f"Jena's report is not Turtle: {error}\n{_messages(stderr)}") from error
    return results_from_report(report)


def _with_constraints(results: list[RawResult], shapes: Graph) -> list[RawResult]:
    """Jena 4.5 leaves out sh:sourceConstraint: a SHACL-SPARQL result of a shape with one
    (active) sh:sparql constraint has that one."""
    filled = []
    for result in results:
        if result.constraint is None and result.component == str(SH.SPARQLConstraintComponent):
            active = [c for c in shapes.objects(text_node(result.shape), SH.sparql)
                      if shapes.value(c, SH.deactivated) != Literal(True)]
            if len(active) == 1:
                result = replace(result, constraint=node_text(active[0]))
        filled.append(result)
    return filled


BATCH = "JenaShaclBatch.java"  # in checker/judge/engines/java/


def write_pairs(folder: Path, pairs: dict[int, tuple[Graph, Graph]]) -> Path:
    """The listing a batch validator reads (JenaShaclBatch, and TopBraid's in the benchmarks):
    each pair's shapes and data as N-Triples `<i>-shapes.nt`, `<i>-data.nt` in `folder`, one
    line `shapes<TAB>data<TAB>report` per pair, the report to be written as `<i>-report.ttl`."""
    lines = []
    for i, (data, shapes) in pairs.items():
        shapes_file, data_file = folder / f"{i}-shapes.nt", folder / f"{i}-data.nt"
        shapes.serialize(shapes_file, format="nt", encoding="utf-8")
        data.serialize(data_file, format="nt", encoding="utf-8")
        lines.append(f"{shapes_file}\t{data_file}\t{folder / f'{i}-report.ttl'}")
    listing = folder / "pairs.tsv"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing


def jena_validate_many(pairs: list[tuple[Graph, Graph]]) -> list[list[RawResult] | Exception]:
    """`jena_validate` on each (data, shapes) pair, in one JVM (Java's source launcher needs
    a JDK; with a JRE only, one JVM per pair). Each pair's results, or the exception it raised
    (UnsupportedShape when refused before Jena runs)."""
    outcomes: list = [None] * len(pairs)
    todo = []
    for i, (_data, shapes) in enumerate(pairs):
        try:
            jena_refuse(shapes)
            todo.append(i)
        except UnsupportedShape as refusal:
            outcomes[i] = refusal
    if not todo:
        return outcomes
    source = resources.files("checker.judge.engines") / "java" / BATCH
    with tempfile.TemporaryDirectory(prefix="eokb-jena-") as folder, resources.as_file(source) as program:
        listing = write_pairs(Path(folder), {i: pairs[i] for i in todo})
        run = subprocess.run([java(), *JVM_OPTIONS, "-cp", class_path(), str(program), str(listing)],
                             capture_output=True, text=True, encoding="utf-8")
        if run.returncode != 0:  # no compiler (a JRE only): one JVM per pair
            for i in todo:
                try:
                    outcomes[i] = jena_validate(*pairs[i])
                except Exception as error:  # noqa: BLE001 - each pair's own outcome
                    outcomes[i] = error
            return outcomes
        for i in todo:
            report, error = Path(folder) / f"{i}-report.ttl", Path(folder) / f"{i}-report.ttl.error"
            try:
                if error.exists():
                    raise JenaError(error.read_text(encoding="utf-8"))
                outcomes[i] = _with_constraints(_results(report.read_text(encoding="utf-8")), pairs[i][1])
            except JenaError as failure:
                outcomes[i] = failure
    return outcomes


def _messages(stderr: str) -> str:
    """Jena's error output without the stack frames, which bury the cause."""
    lines = [line for line in stderr.splitlines() if not line.lstrip().startswith(("at ", "..."))]
    return "\n".join(lines[-20:])
