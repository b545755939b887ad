"""The clause index, parsed from the spec's own Markdown so there is never a second list to keep in sync.

A clause is a level-4 heading `#### <a id="ID"></a>ID — title` followed by a metadata line
`**LEVEL** · profile `P` · Python 3.9+ [· needs `cap`, `cap`]`, then normative text (spec/README.md).
"""
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional, Tuple

LEVELS = ("MUST", "SHOULD", "MAY", "IMPLEMENTATION-DEFINED")
PROFILES = ("core", "cf", "asyncio", "task", "bridge", "combinators")
CORE_PROFILES = ("cf", "asyncio", "task")  # the profiles whose adapters are Futures, to which the core clauses apply
SPEC_URL_VARIABLE = "FUTURESPEC_SPEC_URL"  # where a project publishes the spec; unset: link the shipped files

_HEADING = re.compile(r'^#### <a id="(?P<anchor>[^"]+)"></a>(?P<id>[A-Z]+(?:-[A-Z]+)+-\d+) — (?P<title>.+)$')
_META = re.compile(
    r"^\*\*(?P<level>[A-Z-]+)\*\* · profile `(?P<profile>\w+)` · Python (?P<since>3\.\d+)"
    r"(?:(?P<plus>\+)|–(?P<until>3\.\d+))(?: · needs (?P<needs>`[\w-]+`(?:, `[\w-]+`)*))?$"
)
_UNTESTED = re.compile(r"^\*\*Untested:\*\* (?P<reason>.+)$")
_RETIRED = re.compile(r"^- (?P<id>[A-Z]+(?:-[A-Z]+)+-\d+) — ")


class SpecError(Exception):
    """The spec's Markdown does not follow the clause format of spec/README.md."""


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    level: str
    profile: str
    since: Tuple[int, int]
    until: Optional[Tuple[int, int]]
    needs: FrozenSet[str]
    untested: Optional[str]
    document: str
    text: str

    @property
    def url(self) -> str:
        """A link that resolves: under $FUTURESPEC_SPEC_URL when set, else the shipped spec file's file:// URI."""
        return link(self.document, self.id)

    @property
    def location(self) -> str:
        """Where a reader finds the clause: the published URL when one is set, else the local file path#anchor."""
        return self.url if spec_base_url() else f"{spec_dir() / self.document}#{self.id}"

    @property
    def checked(self) -> bool:
        """Whether the suite must check this clause (the traceability tests hold it to that)."""
        return self.level in ("MUST", "SHOULD") and self.untested is None

    @property
    def python(self) -> str:
        since = "%d.%d" % self.since
        return f"{since}+" if self.until is None else f"{since}–%d.%d" % self.until

    def holds_on(self, version=sys.version_info) -> bool:
        current = tuple(version[:2])
        return self.since <= current and (self.until is None or current <= self.until)


def _version(text: str) -> Tuple[int, int]:
    major, minor = text.split(".")
    return int(major), int(minor)


def spec_dir() -> Path:
    """The spec folder: shipped inside the package when installed, beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "spec", here.parent / "spec"):
        if (candidate / "future.md").is_file():
            return candidate
    raise SpecError(f"cannot find the spec's Markdown next to {here}")


def spec_base_url() -> Optional[str]:
    """The published spec's base URL ($FUTURESPEC_SPEC_URL, ending in '/'), or None to link the local files."""
    base = os.environ.get(SPEC_URL_VARIABLE, "").strip()
    if not base:
        return None
    return base if base.endswith("/") else base + "/"


def link(document: str, anchor: str, start=None) -> str:
    """A link to `document#anchor` in the spec: under the published base URL when one is set; else, with `start`
    (the folder of the file that will hold the link), a relative path to the spec's Markdown — the spec of the
    futurespec checkout `start` lies in, if any, so results/ links to ../spec/ even when the suite runs installed
    (tox); else a file:// URI of the shipped spec."""
    base = spec_base_url()
    if base:
        return f"{base}{document}#{anchor}"
    if start is None:
        return f"{(spec_dir() / document).as_uri()}#{anchor}"
    start = Path(start).resolve()
    checkout = next((d / "spec" for d in (start, *start.parents)
                     if (d / "spec" / "future.md").is_file() and (d / "conformance").is_dir()), spec_dir())
    return f"{Path(os.path.relpath(checkout / document, start)).as_posix()}#{anchor}"


def parse(document: str, text: str) -> Dict[str, Clause]:
    """Parse one spec document into its clauses, failing loudly on anything malformed."""
    clauses: Dict[str, Clause] = {}
    lines = _outside_code_blocks(text.splitlines())
    starts = [i for i, line in enumerate(lines) if line.startswith("#### ")]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = lines[start + 1 : end]
        headings = [i for i, line in enumerate(body) if line.startswith("#")]
        if headings:  # a section heading closes the clause
            body = body[:headings[0]]
        heading = _HEADING.match(lines[start])
        if not heading or heading["anchor"] != heading["id"]:
            raise SpecError(f"{document}:{start + 1}: malformed clause heading: {lines[start]!r}")
        meta = _META.match(body[0]) if body else None
        if not meta or meta["level"] not in LEVELS or meta["profile"] not in PROFILES:
            raise SpecError(f"{document}:{start + 2}: malformed metadata line for {heading['id']}")
        clause_id = heading["id"]
        if clause_id in clauses:
            raise SpecError(f"{document}:{start + 1}: duplicate clause ID {clause_id}")
        untested = _untested_reason(body)
        clauses[clause_id] = Clause(
            id=clause_id,
            title=heading["title"].strip(),
            level=meta["level"],
            profile=meta["profile"],
            since=_version(meta["since"]),
            until=None if meta["plus"] else _version(meta["until"]),
            needs=frozenset(re.findall(r"`([\w-]+)`", meta["needs"] or "")),
            untested=untested,
            document=document,
            text="\n".join(body[1:]).strip(),
        )
    return clauses


def _untested_reason(body):
    """The paragraph that starts with **Untested:**, joined into one line; None when the clause is checked."""
    for i, line in enumerate(body):
        match = _UNTESTED.match(line)
        if match:
            paragraph = [match["reason"]]
            for follow in body[i + 1:]:
                if not follow.strip():
                    break
                paragraph.append(follow.strip())
            return " ".join(paragraph)
    return None


def _outside_code_blocks(lines):
    """Blank out fenced code blocks, so an example clause inside one is not taken for a clause."""
    kept, fenced = [], False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        kept.append("" if fenced or line.startswith("```") else line)
    return kept


def retired_ids(readme_text: str) -> FrozenSet[str]:
    section = readme_text.split("## Retired IDs", 1)[-1]
    return frozenset(m["id"] for m in map(_RETIRED.match, section.splitlines()) if m)


@lru_cache(maxsize=None)
def index() -> Dict[str, Clause]:
    """Every clause of every spec document, by ID."""
    folder = spec_dir()
    clauses: Dict[str, Clause] = {}
    for path in sorted(folder.glob("*.md")):
        for clause_id, clause in parse(path.name, path.read_text(encoding="utf-8")).items():
            if clause_id in clauses:
                raise SpecError(f"{path.name}: clause {clause_id} is also defined in {clauses[clause_id].document}")
            clauses[clause_id] = clause
    reused = retired_ids((folder / "README.md").read_text(encoding="utf-8")) & clauses.keys()
    if reused:
        raise SpecError(f"retired clause IDs reused: {', '.join(sorted(reused))}")
    return clauses
