"""The committed matrix stays true: results/ holds the standard library's and the reference's result files for every
supported Python, made with the dev settings profile and seed 0; its pages are rendered from exactly those files;
and a cheap subset re-run here (the reference and stdlib on this interpreter, and each third-party backend whose
library is installed here: `-k rloop`) still gives every committed verdict — a verdict that no longer holds fails,
naming its cell (implementation × clause)."""
import importlib.util
import json
import os
import pathlib
import subprocess
import sys

import pytest

from conformance import clauses
from conformance.matrix import markdown, page, render

ROOT = pathlib.Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "results"
PYTHONS = ("3.9", "3.10", "3.11", "3.12", "3.13")
STDLIB = ("stdlib", "stdlib-thread", "stdlib-process", "asyncio", "asyncio-py", "asyncio-task", "asyncio-task-py",
          "asyncio-bridge")
REFERENCE = ("reference", "reference-asyncio", "reference-bridge")
RERUN = {  # group: (the library it needs, or None; its adapters). reference and stdlib are cheap and everywhere.
    # Not loky: its two process pools took over the 600 s limit here on a loaded machine (tox -e loky checks them).
    "stdlib": (None, ("reference", "stdlib")),
    "uvloop": ("uvloop", ("uvloop", "uvloop-task", "uvloop-bridge")),
    "rloop": ("rloop", ("rloop", "rloop-task", "rloop-bridge")),
    "trio-asyncio": ("trio_asyncio", ("trio-asyncio", "trio-asyncio-task", "trio-asyncio-bridge")),
    "futurist": ("futurist", ("futurist-sync",)),
}
REGENERATE = "regenerate with: tox -e py39-matrix,py310-matrix,py311-matrix,py312-matrix,py313-matrix -- " \
             "--profile dev --seed 0"


def _committed():
    found = {}
    for path in sorted(COMMITTED.glob("py*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[(path.parent.name[2:], data["adapter"]["name"])] = (path, data)
    return found


def test_the_committed_results_cover_the_standard_library_and_the_reference_on_every_python():
    committed = _committed()
    for python in PYTHONS:
        for name in STDLIB + REFERENCE:
            assert (python, name) in committed, f"results/py{python}: no result file for {name}; {REGENERATE}"
    for (python, name), (path, data) in committed.items():
        assert (data["settings_profile"], data["seed"]) == ("dev", 0), f"{path}: not made with --profile dev --seed 0"
        assert data["python"].startswith(python + ".") and data["adapter"]["version"], path


def test_the_committed_pages_are_rendered_from_the_committed_results(monkeypatch):
    monkeypatch.delenv(clauses.SPEC_URL_VARIABLE, raising=False)
    matrix = render.build(COMMITTED)
    for name, text in ((render.MATRIX_MD, markdown.to_markdown(matrix)), (render.INDEX_HTML, page.to_html(matrix))):
        assert (COMMITTED / name).read_text(encoding="utf-8") == text, \
            f"results/{name} is stale: python -m conformance matrix --render-only"


@pytest.mark.parametrize("group", RERUN)
def test_the_committed_verdicts_still_hold_here(group, tmp_path):
    library, names = RERUN[group]
    if library and importlib.util.find_spec(library) is None:  # not imported here: trio_asyncio patches asyncio
        pytest.skip(f"{library} is not installed")                # for every later test of this worker
    minor = "%d.%d" % sys.version_info[:2]
    committed = {name: _committed().get((minor, name)) for name in names}
    if not all(committed.values()):
        pytest.skip(f"no committed results for {', '.join(names)} on Python {minor}")
    settings = {(data["settings_profile"], data["seed"]) for _, data in committed.values()}
    assert len(settings) == 1
    (profile, seed), = settings
    run = subprocess.run([sys.executable, "-m", "conformance", "matrix", "--adapters", ",".join(names), "--profile",
                          profile, "--seed", str(seed), "--jobs", "2", "--out", str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stdout + run.stderr
    now = {data["adapter"]["name"]: data for data in
           (json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("py*/*.json"))}
    changed = []
    for name, (path, data) in committed.items():
        for cid, entry in data["clauses"].items():
            verdict = now[name]["clauses"].get(cid, {}).get("verdict", "absent")
            if verdict != entry["verdict"]:
                changed.append(f"{name} × {cid} (Python {minor}): committed {entry['verdict']}, now {verdict}")
    assert not changed, "committed verdicts no longer hold:\n" + "\n".join(changed) + f"\n{REGENERATE}"
