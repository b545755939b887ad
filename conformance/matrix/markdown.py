"""results/MATRIX.md: the matrix as Markdown a repository host renders — per Python version, one row per
implementation, one column per spec chapter, each cell counting the chapter's verdicts and linking every failing
or deviating clause to its anchor in the spec; then the declared deviations with their upstream issues."""
from . import render

_SHORT = {"not-applicable": "n/a"}


def _escape(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def _cell(matrix, column, chapter):
    found = render.counts(matrix, column, chapter)
    if not any(found[v] for v in ("pass", "fail", "deviation")):
        return "—"  # nothing of the chapter applies (another profile), or the run did not reach it
    parts = []
    for verdict in render.VERDICTS:
        ids = found[verdict]
        if not ids:
            continue
        text = f"{len(ids)} {_SHORT.get(verdict, verdict)}"
        if verdict in ("fail", "deviation"):
            links = ", ".join(f"[{cid}]({matrix.spec_link(chapter.document, cid)})" for cid in ids)
            text = f"**{text}** ({links})" if verdict == "fail" else f"{text} ({links})"
        parts.append(text)
    return " · ".join(parts)


def to_markdown(matrix):
    lines = ["# The futurespec conformance matrix", "",
             f"{len(matrix.columns)} result files in this folder, written by `python -m conformance matrix`. Each "
             "cell counts a spec chapter's clauses by verdict for one implementation on one Python version, and "
             "links the failing and deviating ones to the spec (— : nothing in the chapter applies to that "
             "implementation); the last column reproduces the row. Clause by clause, with every counterexample: "
             "[index.html](index.html) (open it from the file system).", ""]
    if not matrix.columns:
        return "\n".join(lines + ["No result files yet: run `python -m conformance matrix`.", ""])
    header = ["implementation"] + [f"[{_escape(c.title)}]({matrix.spec_link(c.document)})" for c in matrix.chapters]
    for python in matrix.pythons():
        lines += [f"## Python {python}", "", "| " + " | ".join(header + ["reproduce"]) + " |",
                  "|" + "---|" * (len(header) + 1)]
        for column in (c for c in matrix.columns if c.minor == python):
            cells = [f"`{_escape(column.label)}`"] + [_cell(matrix, column, ch) for ch in matrix.chapters]
            lines.append("| " + " | ".join(cells + [f"`{column.reproduce()}`"]) + " |")
        lines.append("")
    lines += _deviations(matrix)
    return "\n".join(lines)


def _deviations(matrix):
    rows = []
    for column in matrix.columns:
        for chapter in matrix.chapters:
            for cid in render.counts(matrix, column, chapter)["deviation"]:
                issue, urls = column.issue_links(cid)
                for url in urls:
                    issue = issue.replace(url, f"<{url}>")
                rows.append(f"| `{_escape(column.label)}` | {column.minor} | "
                            f"[{cid}]({matrix.spec_link(chapter.document, cid)}) | "
                            f"{_escape(column.data['adapter']['deviations'].get(cid, {}).get('reason', ''))} | "
                            f"{_escape(issue) or '—'} |")
    if not rows:
        return []
    return ["## Declared deviations", "", "Where an implementation knowingly departs from the spec, as its adapter "
            "declares, each reproduced by the run:", "",
            "| implementation | Python | clause | reason | upstream issue |", "|---|---|---|---|---|", *rows, ""]
