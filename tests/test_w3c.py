"""The W3C SHACL test suite through every engine: each test passes, or the engine refuses it
before running any query (tests/w3c/harness.py says how outcomes are judged). A wrong report
or a crash fails; the refusals are the ones docs/w3c-suite.md lists, with their reasons
(`python tools/w3c_refusals.py` regenerates it).

Jena runs the whole suite in one JVM (jena_validate_many), once for the module.
"""

from __future__ import annotations

import logging
import warnings

import pytest

from checker.judge.engines import ENGINES
from tests.test_jena import require_jena
from tests.w3c.harness import SUITE, all_tests, outcomes
from tools.w3c_refusals import ENGINE_ORDER, PAGE, page

TESTS = all_tests()


@pytest.fixture(scope="module")
def suite_outcomes():
    """engine → test id → outcome, each engine run once on the whole suite."""
    found = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdflib on the suite's deliberately ill-typed literals
        logging.disable(logging.WARNING)
        try:
            for engine in ENGINE_ORDER:
                if engine == "jena":
                    try:
                        require_jena()
                    except pytest.skip.Exception:
                        continue
                found[engine] = {outcome.test.id: outcome for outcome in outcomes(engine)}
        finally:
            logging.disable(logging.NOTSET)
    return found


def test_the_suite_is_all_there():
    assert len(TESTS) == 121
    assert {test.id.split("/")[0] for test in TESTS} == {"core", "sparql"}
    assert (SUITE.parent / "LICENSE.md").is_file()


def test_every_shipped_engine_is_run():
    assert set(ENGINE_ORDER) == set(ENGINES)


@pytest.mark.parametrize("engine", ENGINE_ORDER)
@pytest.mark.parametrize("test", TESTS, ids=[test.id for test in TESTS])
def test_passes_or_refuses(engine, test, suite_outcomes):
    if engine not in suite_outcomes:
        require_jena()
    outcome = suite_outcomes[engine][test.id]
    assert outcome.outcome in ("pass", "refused"), f"{engine} on {test.id}: {outcome.outcome}\n{outcome.detail}"


def test_the_refusals_page_is_up_to_date(suite_outcomes):
    if set(suite_outcomes) != set(ENGINE_ORDER):
        pytest.skip("every engine is needed to regenerate the page")
    expected = page({engine: list(suite_outcomes[engine].values()) for engine in ENGINE_ORDER})
    assert PAGE.read_text(encoding="utf-8") == expected, "run `python tools/w3c_refusals.py` and review the diff"


def test_the_fast_engine_passes_the_sparql_tests_it_used_to_get_wrong(suite_outcomes):
    """Issue 17: pre-binding, prefixes and the forbidden queries, once wrong, now pass."""
    fixed = ["sparql/node/prefixes-001", *(f"sparql/pre-binding/pre-binding-00{n}" for n in range(1, 8)),
             *(f"sparql/pre-binding/unsupported-sparql-00{n}" for n in range(1, 7))]
    assert {test: suite_outcomes["oxigraph"][test].outcome for test in fixed} == {test: "pass" for test in fixed}
