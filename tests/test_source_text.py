"""Finding quotations in a source text laid out like the extracted report."""

from __future__ import annotations

from checker.kb.source_text import SourceText

TEXT = """I. SUMMARY

The number of deputies rose from 77 to 107.5 Of these, 98 are elected in a
popular vote. Observers saw e-
voting in 33 per cent of the country and the
                                                 
5  A footnote between the halves of a sentence.
 rest of the country voted on paper.
"""


def source() -> SourceText:
    return SourceText(TEXT)


def test_line_breaks_count_as_one_space():
    assert source().find("Of these, 98 are elected in a popular vote.", 3, 4).first_line == 3


def test_footnote_marker_may_be_cut():
    assert source().find("from 77 to 107. Of these", 3, 3)


def test_marker_is_not_allowed_inside_a_number():
    assert source().find("from 77 to 10", 3, 3) is not None  # a prefix is a prefix
    assert source().find("from 77 to 1075", 3, 3) is None


def test_line_end_hyphen_joins():
    assert source().find("Observers saw e-voting in 33 per cent", 4, 5)


def test_footnote_block_may_be_skipped():
    found = source().find("33 per cent of the country and the rest of the country voted on paper.", 5, 8)
    assert (found.first_line, found.last_line) == (5, 8)


def test_footnote_text_itself_can_be_quoted():
    assert source().find("A footnote between the halves of a sentence.", 7, 7)


def test_wrong_lines_say_where_it_is():
    result = source().check("Observers saw e-voting", 1, 2)
    assert not result.ok and result.elsewhere.first_line == 4


def test_closest_passage_when_misquoted():
    result = source().check("Of these, 99 are elected", 3, 3)
    assert not result.ok and result.elsewhere is None
    assert "98 are elected" in result.closest


# pdftotext -layout ends each page with a form feed; the next page's first line starts with it.
PAGED = "I. SUMMARY\n\nThe count was slow and\n" + " " * 49 + "\n1  A footnote.\n\fthe tabulation too.\nLast line.\n\f"


def test_only_a_line_feed_ends_a_line_as_editors_number_them():
    lines = SourceText(PAGED).lines
    assert len(lines) == 8 and lines[5] == "\fthe tabulation too." and lines[7] == "\f"


def test_a_form_feed_ends_a_footnote_block():
    paged = SourceText(PAGED)
    assert paged.footnote_lines == {4, 5}
    found = paged.find("The count was slow and the tabulation too.", 3, 6)
    assert (found.first_line, found.last_line) == (3, 6)
    assert paged.find("Last line.", 7, 7)


def test_a_quotation_may_run_over_a_printed_page_number_at_a_form_feed():
    paged = SourceText("The count was\n\n                    12\n\fslow.\n")
    assert paged.page_number_lines == {3}
    found = paged.find("The count was slow.", 1, 4)
    assert (found.first_line, found.last_line) == (1, 4)
    assert SourceText("The count was\n12\nslow.\n").find("The count was slow.", 1, 3) is None  # no form feed
