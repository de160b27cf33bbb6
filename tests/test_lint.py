"""The rule lint (issue 17): a rule that any shipped engine would refuse is rejected, with its
file and line, by `kbcheck rules --check`, `kbcheck validate` and the main job, so the engine
chosen never changes a verdict."""

from __future__ import annotations

from rdflib import Graph

from checker.cli import EXIT_INVALID, EXIT_OK, main
from checker.judge.lint import lint_rules, subject_line
from tests.conftest import ROOT

HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix eokb: <https://w3id.org/eokb/ns#> .
@prefix rules: <https://w3id.org/eokb/rules/> .

rules:p sh:declare [ sh:prefix "eokb" ; sh:namespace "https://w3id.org/eokb/ns#" ] .
"""
SERVICE = """
rules:TEST-service a sh:NodeShape ;
    eokb:ruleId "TEST-service" ;
    sh:targetClass eokb:Election ;
    sh:sparql [ sh:prefixes rules:p ;
        sh:select "SELECT $this WHERE { $this a eokb:Election . SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }" ] .
"""
PATTERN = """
rules:TEST-pattern a sh:NodeShape ;
    eokb:ruleId "TEST-pattern" ;
    sh:targetClass eokb:Election ;
    sh:property [ sh:path eokb:name ; sh:pattern "^x" ] ;
    eokb:expresses <https://w3id.org/eokb/id/copenhagen-1990/7.2> ;
    eokb:scope eokb:LawScope ;
    sh:severity sh:Violation ; sh:message "m" ;
    <http://www.w3.org/2000/01/rdf-schema#label> "l" ; <http://www.w3.org/2000/01/rdf-schema#comment> "c" .
"""


def with_rule(kb, text: str, name: str = "test.ttl"):
    (kb / "rules" / name).write_text(HEAD + text, encoding="utf-8")
    return kb


def test_the_bundled_rules_run_on_every_engine():
    assert lint_rules(ROOT) == []


def test_a_forbidden_query_is_refused_by_every_engine_at_its_line(kb_small):
    problems = lint_rules(with_rule(kb_small, SERVICE))
    assert [(p.file, p.line, p.rule) for p in problems] == [("rules/test.ttl", 7, "TEST-service")]
    assert "refused by jena, oxigraph, pyshacl" in problems[0].message
    assert "SERVICE" in problems[0].message
    assert str(problems[0]).startswith("rules/test.ttl:7: TEST-service: refused by")


def test_a_component_one_engine_does_not_run_is_rejected_too(kb_small):
    problems = lint_rules(with_rule(kb_small, SERVICE + PATTERN))
    assert [(p.line, p.rule) for p in problems] == [(7, "TEST-service"), (13, "TEST-pattern")]
    assert problems[1].message.startswith("refused by oxigraph: ")
    assert "sh:pattern" in problems[1].message


def test_a_boolean_written_as_1_is_seen_as_written(kb_small):
    """rdflib would read "1"^^xsd:boolean as true; the lint sees what the expert wrote."""
    problems = lint_rules(with_rule(kb_small, """
rules:TEST-off a sh:PropertyShape ;
    eokb:ruleId "TEST-off" ;
    sh:targetClass eokb:Election ; sh:path eokb:name ; sh:minCount 1 ;
    sh:deactivated "1"^^<http://www.w3.org/2001/XMLSchema#boolean> .
"""))
    assert [(p.line, p.rule) for p in problems] == [(7, "TEST-off")]
    assert "refused by pyshacl" in problems[0].message


def test_a_file_that_is_not_turtle_is_a_problem_at_its_line(kb_small):
    (kb_small / "rules" / "broken.ttl").write_text(HEAD + "\nrules:x a sh:NodeShape ;; ]\n", encoding="utf-8")
    problems = lint_rules(kb_small)
    assert [(p.file, p.rule) for p in problems] == [("rules/broken.ttl", "broken")]
    assert "not valid Turtle" in problems[0].message


def test_rules_check_and_validate_exit_2_with_file_and_line(kb_small, capsys):
    assert main(["--kb", str(kb_small), "rules", "--check"]) == EXIT_OK
    assert main(["--kb", str(kb_small), "validate"]) == EXIT_OK
    with_rule(kb_small, SERVICE)
    capsys.readouterr()
    assert main(["--kb", str(kb_small), "rules", "--check"]) == EXIT_INVALID
    assert "rules/test.ttl:7: TEST-service: refused by" in capsys.readouterr().err
    assert main(["--kb", str(kb_small), "validate"]) == EXIT_INVALID
    assert "rules/test.ttl:7: TEST-service" in capsys.readouterr().err


def test_check_with_a_refusing_engine_is_invalid_input_not_a_crash(kb_small, capsys):
    with_rule(kb_small, PATTERN)
    capsys.readouterr()
    assert main(["--kb", str(kb_small), "check", "--engine", "oxigraph"]) == EXIT_INVALID
    err = capsys.readouterr().err
    assert "the oxigraph engine refuses the rules" in err and "rules --check" in err


def test_the_main_job_stops_on_a_refused_rule(kb_small, tmp_path):
    from checker.main_job import run_build

    outcome = run_build(with_rule(kb_small, SERVICE), tmp_path / "out")
    assert [str(p).split(":")[:2] for p in outcome.problems] == [["rules/test.ttl", "7"]]
    assert not (tmp_path / "out").exists()


def test_the_command_line_offers_every_engine():
    from checker.cli.options import ENGINE_NAMES
    from checker.judge.engines import ENGINES, NATIONAL_ENGINE

    assert set(ENGINE_NAMES) == set(ENGINES) and NATIONAL_ENGINE in ENGINES


def test_the_line_of_a_subject():
    text = HEAD + "\n\n<https://w3id.org/eokb/rules/A> a sh:NodeShape .\nrules:AB a sh:NodeShape .\nrules:A.\n"
    graph = Graph().parse(data=text, format="turtle")
    from rdflib import URIRef

    assert subject_line(text, graph, URIRef("https://w3id.org/eokb/rules/A")) == 8
    assert subject_line(text, graph, URIRef("https://w3id.org/eokb/rules/AB")) == 9
    assert subject_line(text, graph, URIRef("https://w3id.org/eokb/rules/missing")) == 1
