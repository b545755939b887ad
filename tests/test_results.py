"""The committed matrix stays true: results/ holds the standard library's and the reference's result files for every
supported Python, made with the dev settings profile and seed 0; its pages are rendered from exactly those files;
and the committed verdicts still hold here — a verdict that no longer holds fails, naming its cell (implementation ×
clause). The stability and traceability runs made with those settings check the adapters they run
(tests/committed.py); this module re-runs, end to end through `python -m conformance matrix`, the lone `stdlib`
adapter (stdlib-thread judges the same and more, so only the main job's own result is re-run) and each third-party
backend whose library is installed here (`-k rloop`)."""
import importlib.util
import json
import os
import pathlib
import subprocess
import sys

import pytest

from conformance import clauses
from conformance.matrix import markdown, page, render
from tests import committed

ROOT = pathlib.Path(__file__).resolve().parent.parent
PYTHONS = ("3.9", "3.10", "3.11", "3.12", "3.13")
STDLIB = ("stdlib", "stdlib-thread", "stdlib-process", "asyncio", "asyncio-py", "asyncio-task", "asyncio-task-py",
          "asyncio-bridge")
REFERENCE = ("reference", "reference-asyncio", "reference-bridge")
RERUN = {  # group: (the library it needs, or None; its adapters)
    # Not loky: its two process pools took over the 600 s limit here on a loaded machine (tox -e loky checks them).
    "stdlib": (None, ("stdlib",)),
    "rloop": ("rloop", ("rloop", "rloop-task", "rloop-bridge")),
    "trio-asyncio": ("trio_asyncio", ("trio-asyncio", "trio-asyncio-task", "trio-asyncio-bridge")),
    "futurist": ("futurist", ("futurist-sync",)),
}


def test_the_committed_results_cover_the_standard_library_and_the_reference_on_every_python():
    found = committed.committed()
    for python in PYTHONS:
        for name in STDLIB + REFERENCE:
            assert (python, name) in found, f"results/py{python}: no result file for {name}; {committed.REGENERATE}"
    for (python, name), (path, data) in found.items():
        assert (data["settings_profile"], data["seed"]) == committed.SETTINGS, \
            f"{path}: not made with --profile dev --seed 0"
        assert data["python"].startswith(python + ".") and data["adapter"]["version"], path


def test_the_committed_pages_are_rendered_from_the_committed_results(monkeypatch):
    monkeypatch.delenv(clauses.SPEC_URL_VARIABLE, raising=False)
    matrix = render.build(committed.COMMITTED)
    for name, text in ((render.MATRIX_MD, markdown.to_markdown(matrix)), (render.INDEX_HTML, page.to_html(matrix))):
        assert (committed.COMMITTED / name).read_text(encoding="utf-8") == text, \
            f"results/{name} is stale: python -m conformance matrix --render-only"


@pytest.mark.parametrize("group", RERUN)
def test_the_committed_verdicts_still_hold_here(group, tmp_path):
    library, names = RERUN[group]
    if library and importlib.util.find_spec(library) is None:  # not imported here: trio_asyncio patches asyncio
        pytest.skip(f"{library} is not installed")                # for every later test of this worker
    minor = "%d.%d" % sys.version_info[:2]
    if not all((minor, name) in committed.committed() for name in names):
        pytest.skip(f"no committed results for {', '.join(names)} on Python {minor}")
    profile, seed = committed.SETTINGS
    run = subprocess.run([sys.executable, "-m", "conformance", "matrix", "--adapters", ",".join(names), "--profile",
                          profile, "--seed", str(seed), "--jobs", "2", "--out", str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stdout + run.stderr
    now = {data["adapter"]["name"]: data for data in
           (json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("py*/*.json"))}
    cells = [cell for name in names
             for cell in committed.changed(name, {cid: e["verdict"] for cid, e in now[name]["clauses"].items()})]
    assert not cells, "committed verdicts no longer hold:\n" + "\n".join(cells) + f"\n{committed.REGENERATE}"
