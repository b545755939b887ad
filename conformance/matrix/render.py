"""What both pages of the matrix show, built once from the result files: the columns (one per result file: an
implementation, its version, a Python version), the rows (the spec's clauses, by chapter), each cell's verdict and
what opens from it, and every link (spec anchors relative to the page, deviations' upstream issues).

`markdown` and `page` only lay this out, so the two pages cannot disagree.
"""
import re
from dataclasses import dataclass
from pathlib import Path
from typing import List

from .. import clauses
from . import results

CHAPTER_ORDER = ("future.md", "executors.md", "asyncio.md", "tasks.md", "bridges.md")  # the README's order
VERDICTS = ("pass", "fail", "deviation", "not-applicable", "untested")
MATRIX_MD, INDEX_HTML = "MATRIX.md", "index.html"
_URL = re.compile(r"https?://[^\s<>\"')]+")


@dataclass
class Column:
    """One result file."""

    path: Path  # relative to the results folder
    data: dict

    @property
    def name(self):
        return self.data["adapter"]["name"]

    @property
    def version(self):
        return self.data["adapter"].get("version") or "unknown"

    @property
    def python(self):
        return self.data["python"]

    @property
    def minor(self):
        return results.minor(self.python)

    @property
    def key(self):
        """A stable, readable id for anchors: py3.11-stdlib-thread, py3.11-loky-3.7.0."""
        return re.sub(r"[^A-Za-z0-9._-]", "_", f"py{self.minor}-{self.path.stem}")

    @property
    def label(self):
        """The implementation and its version; the standard library's version is the Python version."""
        return self.name if self.version == self.python else f"{self.name} {self.version}"

    def entry(self, clause_id):
        return self.data["clauses"].get(clause_id)

    def verdict(self, clause_id):
        entry = self.entry(clause_id)
        return entry["verdict"] if entry else None

    def reproduce(self):
        """The one command that reproduces this column."""
        seed = self.data.get("seed")
        command = f"python{self.minor} -m conformance --adapter {self.data.get('spec', self.name)} " \
                  f"--profile {self.data.get('settings_profile', 'ci')}"
        return command + (f" --seed {seed}" if seed is not None else "")

    def issue_links(self, clause_id):
        """The upstream issue of a declared deviation: its text, and the URLs in it."""
        issue = self.data["adapter"].get("deviations", {}).get(clause_id, {}).get("issue", "")
        return issue, _URL.findall(issue)


@dataclass
class Chapter:
    document: str
    title: str
    clause_ids: List[str]


@dataclass
class Matrix:
    folder: Path
    columns: List[Column]
    chapters: List[Chapter]

    def spec_link(self, document, anchor=None):
        """A link from a page in the results folder to the spec (relative, or under $FUTURESPEC_SPEC_URL)."""
        target = clauses.link(document, anchor or "", start=self.folder)
        return target if anchor else target.rstrip("#")

    def title(self, clause_id):
        clause = clauses.index().get(clause_id)
        if clause:
            return clause.title
        return next((c.entry(clause_id)["title"] for c in self.columns if c.entry(clause_id)), clause_id)

    def level(self, clause_id):
        clause = clauses.index().get(clause_id)
        return clause.level if clause else next(c.entry(clause_id)["level"] for c in self.columns if c.entry(clause_id))

    def pythons(self):
        return list(dict.fromkeys(c.minor for c in self.columns))


def build(folder):
    """The matrix of every result file in `folder`."""
    folder = Path(folder)
    columns = [Column(path, data) for path, data in results.load_all(folder)]
    index = clauses.index()
    by_document = {}
    for cid, clause in index.items():
        by_document.setdefault(clause.document, []).append(cid)
    for column in columns:  # a clause a result knows but this spec does not (an older run): keep its row
        for cid, entry in column.data["clauses"].items():
            if cid not in index and cid not in by_document.get(results.document_of(entry["url"]), ()):
                by_document.setdefault(results.document_of(entry["url"]), []).append(cid)
    order = sorted(by_document, key=lambda d: (CHAPTER_ORDER.index(d) if d in CHAPTER_ORDER else len(CHAPTER_ORDER), d))
    return Matrix(folder, columns, [Chapter(d, _chapter_title(d), by_document[d]) for d in order])


def _chapter_title(document):
    path = clauses.spec_dir() / document
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return document


def counts(matrix, column, chapter):
    """Verdict -> the chapter's clause IDs with that verdict in this column."""
    found = {verdict: [] for verdict in VERDICTS}
    for cid in chapter.clause_ids:
        verdict = column.verdict(cid)
        if verdict in found:
            found[verdict].append(cid)
    return found


def write_all(folder):
    """Render MATRIX.md and index.html in `folder` from its result files; ([the files written], result count)."""
    from . import markdown, page  # they import this module

    matrix = build(folder)
    written = []
    for name, text in ((MATRIX_MD, markdown.to_markdown(matrix)), (INDEX_HTML, page.to_html(matrix))):
        results.write_text(matrix.folder / name, text)
        written.append(matrix.folder / name)
    return written, len(matrix.columns)
