"""Spec integrity: the Markdown parses into well-formed clauses, and IDs stay unique, anchored and unretired."""
import re

import pytest

from conformance import clauses

INDEX = clauses.index()


def test_the_spec_has_clauses_of_every_level():
    assert {c.level for c in INDEX.values()} == set(clauses.LEVELS)


@pytest.mark.parametrize("clause_id", sorted(INDEX))
def test_clause_is_well_formed(clause_id):
    clause = INDEX[clause_id]
    prefixes = {"core": "CORE", "cf": "CF|EXEC|WAIT|ASCOMP", "asyncio": "AIO", "task": "TASK",
                "bridge": "BRIDGE", "combinators": "COMB"}[clause.profile]
    assert re.fullmatch(rf"(?:{prefixes})-[A-Z]+-\d+", clause_id), "the ID's prefix names the clause's profile"
    assert clause.text, "a clause needs normative text"
    assert (3, 9) <= clause.since <= (3, 13)
    assert clause.url.endswith(f"{clause.document}#{clause_id}")
    if clause.level in ("MAY", "IMPLEMENTATION-DEFINED"):
        assert not clause.checked, "only MUST and SHOULD clauses are checked"


def test_every_cross_reference_names_a_clause():
    folder = clauses.spec_dir()
    for path in folder.glob("*.md"):
        for target in re.findall(r"\]\(#([A-Z][A-Z0-9-]+)\)", path.read_text(encoding="utf-8")):
            assert target in INDEX, f"{path.name} links to unknown clause {target}"


@pytest.mark.parametrize("bad, problem", [
    ("#### CF-X-1 — no anchor\n**MUST** · profile `cf` · Python 3.9+\n\ntext", "malformed clause heading"),
    ('#### <a id="CF-X-1"></a>CF-X-1 — t\n**OFTEN** · profile `cf` · Python 3.9+\n\ntext', "malformed metadata"),
    ('#### <a id="CF-X-1"></a>CF-X-1 — t\n**MUST** · profile `zz` · Python 3.9+\n\ntext', "malformed metadata"),
    ('#### <a id="CF-X-2"></a>CF-X-1 — t\n**MUST** · profile `cf` · Python 3.9+\n\ntext', "malformed clause heading"),
    ('#### <a id="CF-X-1"></a>CF-X-1 — t\n**MUST** · profile `cf` · Python 3.9+\n\nA\n'
     '#### <a id="CF-X-1"></a>CF-X-1 — t\n**MUST** · profile `cf` · Python 3.9+\n\nB', "duplicate clause ID"),
])
def test_malformed_clauses_are_rejected_loudly(bad, problem):
    with pytest.raises(clauses.SpecError, match=problem):
        clauses.parse("test.md", bad)


def test_metadata_is_parsed():
    parsed = clauses.parse("t.md", '#### <a id="CF-X-1"></a>CF-X-1 — title\n'
                                   '**SHOULD** · profile `cf` · Python 3.9–3.10 · needs `running-state`, `b`\n\n'
                                   'Text.\n\n**Untested:** first line\ncontinued.\n')["CF-X-1"]
    assert (parsed.level, parsed.since, parsed.until) == ("SHOULD", (3, 9), (3, 10))
    assert parsed.needs == {"running-state", "b"} and parsed.untested == "first line continued."
    assert parsed.holds_on((3, 10)) and not parsed.holds_on((3, 11)) and parsed.python == "3.9–3.10"


def test_examples_in_code_blocks_are_not_clauses():
    text = '```markdown\n#### <a id="CF-Y-1"></a>CF-Y-1 — example\n```\n'
    assert clauses.parse("t.md", text) == {}


def test_retired_ids_are_never_reused():
    readme = "## Retired IDs\n\n- CF-OLD-1 — replaced by CF-NEW-1\n"
    assert clauses.retired_ids(readme) == {"CF-OLD-1"}
    assert not clauses.retired_ids((clauses.spec_dir() / "README.md").read_text()) & INDEX.keys()
