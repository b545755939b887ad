"""results/index.html: the matrix clause by clause, one page that opens from the file system — no server, nothing
fetched (its CSS and JavaScript, page.css and page.js beside this module, are inlined).

Rows are clauses grouped by chapter, each linking to its spec anchor; columns are result files grouped by Python
version. A cell's colour is its verdict. A failing or deviating cell links to its panel (shown by CSS :target, so it
works without JavaScript and has a permalink, index.html#ce-<column>-<clause>): the violation, the replay script, the
command that reproduces the run, and for a deviation its upstream issue. The script only filters rows and columns.
"""
from html import escape
from pathlib import Path

from . import render

_HERE = Path(__file__).resolve().parent
_GLYPH = {"pass": "✓", "fail": "✗", "deviation": "dev", "not-applicable": "·", "untested": "–"}
_SHORT = {"not-applicable": "n/a"}


def _a(href, text, **attributes):
    extra = "".join(f' {k.rstrip("_")}="{escape(v)}"' for k, v in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(text)}</a>'


def _panel_id(column, cid):
    return f"ce-{column.key}-{cid}"


def to_html(matrix):
    parts = [_head(matrix), '<table id="matrix">', _thead(matrix), "<tbody>"]
    for chapter in matrix.chapters:
        width = len(matrix.columns) + 1
        parts.append(f'<tr class="chapter" data-chapter="{escape(chapter.document)}"><th colspan="{width}">'
                     f'{_a(matrix.spec_link(chapter.document), chapter.title)}</th></tr>')
        parts += [_row(matrix, chapter, cid) for cid in chapter.clause_ids]
    parts += ["</tbody></table>", "</main>"]
    parts += [_panel(matrix, chapter, column, cid) for chapter in matrix.chapters for cid in chapter.clause_ids
              for column in matrix.columns if column.verdict(cid) in ("fail", "deviation")]
    script = (_HERE / "page.js").read_text(encoding="utf-8")
    parts += [f"<script>\n{script}</script>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _head(matrix):
    css = (_HERE / "page.css").read_text(encoding="utf-8")
    suites = ", ".join(sorted({c.data.get("futurespec", "?") for c in matrix.columns})) or "—"
    runs = ", ".join(sorted({f"{c.data.get('settings_profile')} profile, seed {c.data.get('seed')}"
                             for c in matrix.columns})) or "—"
    chapters = "".join(f'<option value="{escape(c.document)}">{escape(c.title)}</option>' for c in matrix.chapters)
    verdicts = "".join(f'<option value="{v}">{_SHORT.get(v, v)}</option>' for v in render.VERDICTS)
    pythons = "".join(f'<option value="{p}">Python {p}</option>' for p in matrix.pythons())
    legend = " ".join(f'<span class="v-{v}">{_GLYPH[v]} {_SHORT.get(v, v)}</span>' for v in render.VERDICTS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>futurespec conformance matrix</title>
<link rel="icon" href="data:,">
<style>
{css}</style>
</head>
<body>
<header>
<h1>futurespec conformance matrix</h1>
<p>{len(matrix.columns)} result file(s) on {len(matrix.pythons())} Python version(s), written by
<code>python -m conformance matrix</code> with futurespec {escape(suites)} ({escape(runs)}). Each clause links to the
spec; a failing or deviating cell opens its counterexample. The same by chapter: {_a("MATRIX.md", "MATRIX.md")}.</p>
<form id="filters">
<label>Chapter <select id="chapter"><option value="">all chapters</option>{chapters}</select></label>
<label>Verdict <select id="verdict"><option value="">any verdict</option>{verdicts}
<option value="differs">implementations differ</option></select></label>
<label>Python <select id="python"><option value="">all versions</option>{pythons}</select></label>
<output id="shown"></output>
</form>
<p class="legend">{legend}</p>
</header>
<main>"""


def _thead(matrix):
    groups = "".join(f'<th class="py" data-py="{p}" colspan="{sum(c.minor == p for c in matrix.columns)}">'
                     f'Python {p}</th>' for p in matrix.pythons())
    names = "".join(f'<th class="impl" data-py="{c.minor}" data-column="{escape(c.key)}" '
                    f'title="{escape(c.label)} on Python {escape(c.python)}: {escape(c.reproduce())}">'
                    f'<span>{escape(c.label)}</span></th>' for c in matrix.columns)
    return f'<thead><tr><th class="clause" rowspan="2">clause</th>{groups}</tr><tr>{names}</tr></thead>'


def _row(matrix, chapter, cid):
    link = _a(matrix.spec_link(chapter.document, cid), cid)
    cells = "".join(_cell(column, cid) for column in matrix.columns)
    return (f'<tr id="{escape(cid)}" data-clause="{escape(cid)}" data-chapter="{escape(chapter.document)}">'
            f'<th class="clause">{link} <span class="level">{escape(matrix.level(cid))}</span> '
            f'<span class="title">{escape(matrix.title(cid))}</span></th>{cells}</tr>')


def _cell(column, cid):
    entry = column.entry(cid)
    if entry is None:
        return f'<td class="v-none" data-py="{column.minor}" data-v="" title="not in this run"></td>'
    verdict = entry["verdict"]
    tip = _SHORT.get(verdict, verdict) + (f", {entry['checks']} checks" if entry.get("checks") else "")
    tip += f": {entry['reason']}" if entry.get("reason") else ""
    glyph = escape(_GLYPH.get(verdict, "?"))
    if verdict in ("fail", "deviation"):
        glyph = f'<a href="#{escape(_panel_id(column, cid))}">{glyph}</a>'
    return f'<td class="v-{escape(verdict)}" data-py="{column.minor}" data-v="{escape(verdict)}" ' \
           f'title="{escape(tip)}">{glyph}</td>'


def _panel(matrix, chapter, column, cid):
    entry = column.entry(cid)
    ce = entry.get("counterexample") or {}
    verdict = entry["verdict"]
    out = [f'<section class="panel" id="{escape(_panel_id(column, cid))}" role="dialog" '
           f'aria-label="{escape(cid)} on {escape(column.label)}, Python {escape(column.python)}"><div class="box">',
           f'<a class="close" href="#{escape(cid)}" title="back to the matrix">close ×</a>',
           f"<h2>{_a(matrix.spec_link(chapter.document, cid), cid)} — {escape(matrix.title(cid))}</h2>",
           f'<p><b class="v-{escape(verdict)}">{escape(verdict)}</b> [{escape(entry.get("level", ""))}] · '
           f"{escape(column.label)} on Python {escape(column.python)} · result file "
           f"{_a(column.path.as_posix(), column.path.as_posix())}</p>"]
    if verdict == "deviation":
        issue, urls = column.issue_links(cid)
        reason = column.data["adapter"].get("deviations", {}).get(cid, {}).get("reason", entry.get("reason", ""))
        out.append(f"<p>Declared deviation: {escape(reason)}</p>")
        links = " ".join(_a(url, url, class_="issue") for url in urls)
        out.append(f"<p>Upstream issue: {links or escape(issue) or 'none given'}"
                   f"{' (' + escape(issue) + ')' if urls and issue not in urls else ''}</p>")
    elif entry.get("reason"):
        out.append(f"<p>{escape(entry['reason'])}</p>")
    if ce.get("message"):
        out += ["<h3>Violation</h3>", f'<p class="message">{escape(ce["message"])}</p>']
    if ce.get("note"):
        out.append(f'<p class="note">Note: {escape(ce["note"])}</p>')
    if ce.get("replay"):
        out += ["<h3>Minimal counterexample, replayable as a Python script</h3>",
                f'<pre class="replay">{escape(ce["replay"])}</pre>']
    elif ce.get("steps"):
        out += ["<h3>Steps</h3>", f'<pre class="steps">{escape(chr(10).join(ce["steps"]))}</pre>']
    out += ["<h3>Reproduce the run</h3>", f'<pre class="reproduce">{escape(column.reproduce())}</pre>']
    if entry.get("text"):
        out += ["<h3>The clause says</h3>", f"<blockquote>{escape(entry['text'])}</blockquote>"]
    out.append("</div></section>")
    return "\n".join(out)
