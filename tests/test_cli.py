"""The command line: exit codes, outputs, and no half-written files."""

from __future__ import annotations

import subprocess
import sys

from rdflib import Graph

from checker.cli import EXIT_INVALID, EXIT_OK, main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True)


def test_mistyped_option_is_invalid_input_not_violations(kb_small):
    result = run("--kb", str(kb_small), "export", "--formt", "ttl")
    assert result.returncode == EXIT_INVALID
    assert "unrecognized arguments" in result.stderr


def test_unknown_command_exits_2():
    assert run("chekc").returncode == EXIT_INVALID


def test_validate_ok(kb_small, capsys):
    assert main(["--kb", str(kb_small), "validate"]) == EXIT_OK


def test_kb_is_taken_before_or_after_the_command(kb_small, tmp_path, capsys):
    assert main(["validate", "--kb", str(kb_small)]) == EXIT_OK
    assert main(["site", "build", "--kb", str(kb_small), "--out", str(tmp_path / "site")]) == EXIT_OK
    # after the command wins: the folder before it holds no knowledge base
    assert main(["--kb", str(tmp_path / "nowhere"), "validate", "--kb", str(kb_small)]) == EXIT_OK


def test_invalid_kb_prints_positions_and_exits_2(kb_small, capsys):
    path = kb_small / "findings/obs-xx-2020/findings/01-summary.yaml"
    path.write_text(path.read_text().replace("statement: An appointed", "statment: An appointed"))
    assert main(["--kb", str(kb_small), "validate"]) == EXIT_INVALID
    err = capsys.readouterr().err
    assert "findings/obs-xx-2020/findings/01-summary.yaml:5:5: KB102 unknown key 'statment'" in err
    assert "did you mean 'statement'" in err


def test_export_to_file_and_stdout(kb_small, tmp_path, capsys):
    out = tmp_path / "graph.ttl"
    assert main(["--kb", str(kb_small), "export", "--output", str(out)]) == EXIT_OK
    from_file = out.read_text()
    capsys.readouterr()
    assert main(["--kb", str(kb_small), "export"]) == EXIT_OK
    assert capsys.readouterr().out == from_file
    assert len(Graph().parse(data=from_file, format="turtle")) > 100


def test_failed_export_leaves_the_previous_output(kb_small, tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("previous")
    (kb_small / "findings/obs-xx-2020/elections.yaml").write_text("elections: [")
    assert main(["--kb", str(kb_small), "export", "--output", str(out)]) == EXIT_INVALID
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_build_writes_every_output_despite_violations(kb_small, tmp_path):
    out = tmp_path / "out"
    assert main(["--kb", str(kb_small), "build", "--out", str(out)]) == EXIT_OK  # violations are content
    assert sorted(p.name for p in out.iterdir()) == ["graph.jsonld", "graph.nt", "graph.ttl", "reports", "site"]
    assert sorted(p.name for p in (out / "reports").iterdir()) == [
        "junit.xml", "report.md", "report.ttl", "results.sarif", "verdicts.json"]
    assert (out / "site" / "index.html").is_file()


def test_build_of_an_invalid_kb_writes_nothing(kb_small, tmp_path):
    out = tmp_path / "out"
    assert main(["--kb", str(kb_small), "build", "--out", str(out)]) == EXIT_OK
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    (kb_small / "findings/obs-xx-2020/elections.yaml").write_text("elections: [")
    assert main(["--kb", str(kb_small), "build", "--out", str(out)]) == EXIT_INVALID
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def test_errors_lists_the_catalogue(capsys):
    assert main(["errors"]) == EXIT_OK
    assert "KB101" in capsys.readouterr().out
