"""The committed result files (results/py3.X/*.json), read once, and the cells a new run no longer gives.

Every committed file was made with the dev profile and seed 0 (tests/test_results.py holds them to it), so any run
of the project's tests with those settings — the stability and traceability runs make many — can check that an
adapter still gives its committed verdicts on this interpreter without running it a second time."""
import functools
import json
import pathlib
import sys

COMMITTED = pathlib.Path(__file__).resolve().parent.parent / "results"
SETTINGS = ("dev", 0)  # the settings profile and seed of every committed file
REGENERATE = "regenerate with: tox -e py39-matrix,py310-matrix,py311-matrix,py312-matrix,py313-matrix -- " \
             "--profile dev --seed 0"


@functools.lru_cache(maxsize=None)
def committed():
    """{(python "3.X", adapter name): (path, data)} of every committed result file."""
    found = {}
    for path in sorted(COMMITTED.glob("py*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[(path.parent.name[2:], data["adapter"]["name"])] = (path, data)
    return found


def changed(name, verdicts):
    """The cells (implementation × clause) of NAME's committed result on this interpreter whose verdict VERDICTS
    ({clause: verdict} of a run with SETTINGS) no longer gives; none when nothing is committed for NAME here."""
    minor = "%d.%d" % sys.version_info[:2]
    path, data = committed().get((minor, name), (None, {"clauses": {}}))
    return [f"{name} × {cid} (Python {minor}): committed {entry['verdict']}, now {verdicts.get(cid, 'absent')}"
            for cid, entry in data["clauses"].items() if verdicts.get(cid, "absent") != entry["verdict"]]


def assert_unchanged(report):
    """A run made with SETTINGS (a runner.Report) gives every verdict committed for its adapter on this Python."""
    cells = changed(report.adapter["name"], {cid: v.verdict for cid, v in report.verdicts.items()})
    assert not cells, "committed verdicts no longer hold:\n" + "\n".join(cells) + f"\n{REGENERATE}"
