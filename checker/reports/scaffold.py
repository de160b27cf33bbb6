"""What `kbcheck scaffold` says when it has written a new report's folder (issue 13): what it
read, what it could not read (each with its line), and the placeholders left to complete."""

from __future__ import annotations

from checker.kb.scaffold.write import Written


def render_written(written: Written) -> str:
    skeleton = written.skeleton
    groups = f" in {len(skeleton.groups)} groups" if skeleton.groups else ""
    verdicts = sum(1 for c in skeleton.candidates if c.verdict is not None)
    root = written.folder.parent.parent
    names = [p.relative_to(root).as_posix() + ("/" if p.is_dir() else "") for p in written.files]
    lines = [f"wrote {', '.join(names)} (in {root})",
             f"  pages: {len(skeleton.pages)}",
             f"  sections: {len(skeleton.sections)} ({sum(1 for s in skeleton.sections if s.parent is None)} top-level)",
             f"  recommendations: {len(skeleton.recommendations)}{groups}",
             f"  candidates: {len(skeleton.candidates)} sentences that cite, {verdicts} with the report's verdict words"]
    lines += [f"  read: {note}" for note in skeleton.notes]
    lines.append(f"not recognised: {len(skeleton.unrecognised)}" + (" (also listed at the end of report.yaml)"
                                                                      if skeleton.unrecognised else ""))
    lines += [f"  source.txt:{item.line}: {item.what}" for item in skeleton.unrecognised]
    lines.append(f"placeholders to complete: {len(written.placeholders)} (search the folder for TODO(scaffold))")
    lines += [f"  {item}" for item in written.placeholders]
    lines.append("then: kbcheck validate")
    return "\n".join(lines) + "\n"
