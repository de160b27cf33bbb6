"""`kbcheck scaffold` on a report laid out unlike the bundled one (issue 13): pdftotext's form
feeds and printed page numbers instead of lost page breaks and a table of contents, headings in
title case, ungrouped recommendations, one running over a page break, an annex titled on its
heading's line, footnotes without a larger gap, a heading out of sequence and an unnumbered one
(both listed, never made sections). Then the reading stage's parts, and the command's refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import EXIT_INVALID, EXIT_OK, main
from checker.kb.load import load
from checker.kb.scaffold import read_report
from checker.kb.scaffold.pages import page_starts
from checker.kb.scaffold.sentences import spans
from checker.kb.scaffold.toc import acronyms, as_title
from checker.kb.source_text import SourceText
from checker.pipeline import load_and_check
from tests.conftest import FIXTURES, ROOT

REPORT = "eom-xx-2023"
SOURCE = FIXTURES / "scaffold" / f"{REPORT}.txt"


@pytest.fixture(scope="module")
def skeleton():
    kb = load(ROOT)  # the bundled standards' citation patterns
    return read_report(SourceText.read(SOURCE), REPORT, kb.records("standard"), "xx/electoral-code")


def test_pages_from_form_feeds_numbered_as_printed(skeleton):
    assert [(p.number, p.first_line) for p in skeleton.pages] == [(1, 1), (2, 15), (3, 47), (4, 64), (5, 82)]
    assert "page numbers: as printed on 4 of 5 pages" in skeleton.notes


def test_sections_with_their_lines_pages_parents_and_parts(skeleton):
    assert [(skeleton.section_id(s), s.number, s.title, s.lines, s.page, s.part,
             s.parent.number if s.parent else None) for s in skeleton.sections] == [
        ("eom-xx-2023/section/i", "I", "Executive Summary", (15, 27), 2, "body", None),
        ("eom-xx-2023/section/ii", "II", "Legal Framework", (28, 46), 2, "body", None),
        ("eom-xx-2023/section/ii-a", "II.A", "Electoral System", (30, 36), 2, "body", "II"),
        ("eom-xx-2023/section/ii-b", "II.B", "Candidate Registration", (37, 46), 2, "body", "II"),
        ("eom-xx-2023/section/iii", "III", "Election Administration", (47, 54), 3, "body", None),
        ("eom-xx-2023/section/iv", "IV", "Election Day", (55, 70), 3, "body", None),
        ("eom-xx-2023/section/v", "V", "Recommendations", (71, 87), 4, "recommendations", None),
        ("eom-xx-2023/section/annex-1", "Annex 1", "Results of the First Round", (88, 98), 5, "annex", None),
    ]


def test_what_it_cannot_read_is_listed_with_its_line(skeleton):
    assert [(u.line, u.what.split(":")[0]) for u in skeleton.unrecognised] == [
        (67, "'D. Media' reads as a heading numbered D., but the next heading would be V. or A."),
        (94, "'ABOUT THE MISSION' reads as a heading without a number"),
    ]


def test_ungrouped_recommendations_one_across_a_page_break(skeleton):
    assert skeleton.groups == []
    assert [(r.number, r.lines, r.group) for r in skeleton.recommendations] == [
        (1, (73, 74), None), (2, (76, 77), None), (3, (79, 80), None), (4, (82, 83), None), (5, (85, 86), None)]
    assert skeleton.recommendations[2].text.endswith("and the audit published.")  # not the page number 4


def test_one_candidate_per_citing_sentence_with_the_reports_verdict_words(skeleton):
    found = [(c.lines, c.cites, c.verdict and (c.verdict.wording, c.verdict.severity)) for c in skeleton.candidates]
    assert found == [
        ((18, 19), ("copenhagen-1990/7.5",), ("inconsistent with", "violation")),
        ((23, 25), ("copenhagen-1990/7.4",), ("did not meet", "violation")),
        ((33, 34), ("xx/electoral-code/art-12/3",), None),
        ((34, 35), ("iccpr/art-25",), None),
        ((40, 41), ("ccpr-gc-25/15",), None),
        ((41, 43), ("copenhagen-1990/7.5",), ("a challenge to", "warning")),
        ((45, 45), ("copenhagen-1990/7.4",), None),  # the footnote, read on its own
        ((51, 53), ("coe-rec-2004-11/25",), ("violates", "violation")),
        ((57, 59), ("xx/electoral-code/art-40/2",), None),
        ((59, 62), ("copenhagen-1990/7.4",), ("contrary to", "violation")),
        ((62, 65), ("copenhagen-1990/7.4",), ("contrary to", "violation")),  # over the page break
        ((73, 74), ("copenhagen-1990/7.5",), None),  # "consistent with" is no verdict
    ]
    assert skeleton.candidates[1].text.endswith("Copenhagen Document.")  # footnote marker 1 cut off
    assert "count was delayed" in skeleton.candidates[10].text and " 3 " not in skeleton.candidates[10].text


def test_the_skeleton_loads_on_its_own_and_next_to_the_bundled_knowledge_base(tmp_path, capsys):
    alone = tmp_path / "alone" / "findings" / REPORT
    assert main(["--kb", str(ROOT), "scaffold", str(SOURCE), "--report", REPORT, "--out", str(alone)]) == EXIT_OK
    loaded = load_and_check(tmp_path / "alone")
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    # 5 recommendations, 10 candidates: without --law, "Article 12.3" cites nothing the scaffold knows
    assert loaded.quotes.failed == 0 and loaded.quotes.checked == 5 + 10
    printed = capsys.readouterr().out
    assert "source.txt:67: 'D. Media'" in printed and "placeholders to complete" in printed
    assert "L94: 'ABOUT THE MISSION'" in (alone / "report.yaml").read_text(encoding="utf-8")


def test_an_existing_folder_is_kept_unless_forced(tmp_path, capsys):
    out = tmp_path / "findings" / REPORT
    args = ["--kb", str(ROOT), "scaffold", str(SOURCE), "--report", REPORT, "--out", str(out)]
    assert main(args) == EXIT_OK
    (out / "findings" / "01-mine.yaml").write_text("# an expert's work\n")
    assert main(args) == EXIT_INVALID
    assert "give --force" in capsys.readouterr().err
    assert (out / "findings" / "01-mine.yaml").exists()
    assert main([*args, "--force"]) == EXIT_OK
    assert not (out / "findings" / "01-mine.yaml").exists()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no staging folder left


@pytest.mark.parametrize("report,extra,message", [
    ("eom-2023", [], "is not a report id"),
    (REPORT, ["--out", "{tmp}/elsewhere/eom-xx-2023"], "a report's folder is"),
    (REPORT, ["--out", "{tmp}/findings/other-xx-2023"], "a report's folder is"),
    (REPORT, ["--country", "XX"], "is not a country id"),
    (REPORT, ["--law", "Electoral Code"], "is not an id"),
])
def test_what_cannot_be_a_report_folder_is_refused(tmp_path, capsys, report, extra, message):
    args = ["--kb", str(tmp_path), "scaffold", str(SOURCE), "--report", report]
    extra = [value.replace("{tmp}", str(tmp_path)) for value in extra]
    assert main(args + extra) == EXIT_INVALID
    assert message in capsys.readouterr().err
    assert not (tmp_path / "findings").exists()


def test_a_text_without_headings_still_loads_and_says_so(tmp_path, capsys):
    source = tmp_path / "plain.txt"
    source.write_text("A note with no heading.\nIt cites nothing.\n", encoding="utf-8")
    assert main(["--kb", str(tmp_path), "scaffold", str(source), "--report", REPORT]) == EXIT_OK
    assert "no heading was recognised" in capsys.readouterr().out
    loaded = load_and_check(tmp_path)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    assert not (tmp_path / "findings" / REPORT / "recommendations.yaml").exists()


def test_a_missing_text_is_refused(tmp_path, capsys):
    assert main(["--kb", str(tmp_path), "scaffold", str(tmp_path / "none.txt"), "--report", REPORT]) == EXIT_INVALID
    assert "cannot read" in capsys.readouterr().err


# -- the reading stage's parts ---------------------------------------------------------------------

@pytest.mark.parametrize("text,sentences", [
    ("The law was amended.5 Of these, 98 are new.", ["The law was amended.", "Of these, 98 are new."]),
    ("See paragraph 7.2 The text.", ["See paragraph 7.2 The text."]),  # a decimal, not a stop and a marker
    ("Mr. Smith met No. 5 on 30 Sept. 2004. Then he left.", ["Mr. Smith met No. 5 on 30 Sept. 2004.",
                                                            "Then he left."]),
    ("It states: “the count”.37 Paragraph 24 says so.", ["It states: “the count”.", "Paragraph 24 says so."]),
    ("as follows: • one; • two.", ["as follows:", "one;", "two."]),
])
def test_sentences(text, sentences):
    assert [text[start:end] for start, end in spans(text)] == sentences


def test_titles_keep_the_capitals_the_running_text_uses():
    capitals = acronyms(["The CEC and the OSCE/ODIHR met.", "ELECTION DAY", "The Election was held."])
    assert capitals == {"CEC", "OSCE/ODIHR"}
    assert as_title("RESULTS AS ANNOUNCED BY THE CEC AFTER THE POST-ELECTION PERIOD 59", capitals) == \
        "Results as Announced by the CEC after the Post-Election Period"
    assert as_title("Already in Title Case", capitals) == "Already in Title Case"


def test_page_breaks_whose_form_feeds_were_lost():
    lines = ["Cover", "", "      ", "", "I. SUMMARY", "text of page one", " page two starts here", "",
             " an indented line after an empty one is no page break"]
    assert page_starts(lines)[0] == [1, 3, 7]


def test_the_scaffold_knows_no_standard_by_name():
    """Which words cite a commitment is the standards' data (`cited_as`), never the scaffold's code."""
    sources = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "checker/kb/scaffold").glob("*.py"))
    assert not any(name in sources for name in ("Copenhagen", "ICCPR", "General Comment", "Rec(2004)"))
