"""Every link the suite prints or renders resolves: the file exists and the anchor is in it. The terminal report
names the shipped spec file (or the published one under $FUTURESPEC_SPEC_URL), the JSON report a file:// URI, and
the matrix's pages and result files link relatively to the spec of the checkout they sit in."""
import json
import pathlib
import re

import pytest

from conformance import clauses, loading, report, runner
from conformance.matrix import render, results
from tests import linkcheck

ROOT = pathlib.Path(__file__).resolve().parent.parent
FAULTY = "cf-module:tests.faulty.future.cancel_finished_true"
COMMITTED = ROOT / "results"


@pytest.fixture(autouse=True)
def _local_spec(monkeypatch):
    monkeypatch.delenv(clauses.SPEC_URL_VARIABLE, raising=False)


@pytest.fixture(scope="module")
def failing_report():
    return runner.run(loading.load(FAULTY), settings_profile="dev", seed=1, spec=FAULTY)


def test_the_terminal_report_names_the_local_spec_file_and_anchor(failing_report):
    where = re.findall(r"^  spec: (.+)$", report.render(failing_report), re.M)
    assert where and all(linkcheck.problem(pathlib.Path(w.split("#")[0]).as_uri() + "#" + w.split("#")[1], None)
                         is None for w in where)
    assert where[0].endswith("future.md#CF-CANCEL-3")


def test_every_clause_link_in_the_json_report_resolves(failing_report):
    urls = [entry["url"] for entry in report.to_json(failing_report)["clauses"].values()]
    assert len(urls) == len(clauses.index())
    assert [p for p in (linkcheck.problem(url, None) for url in urls) if p] == []


def test_a_published_spec_url_is_used_everywhere(monkeypatch, failing_report, tmp_path):
    monkeypatch.setenv(clauses.SPEC_URL_VARIABLE, "https://example.org/futurespec/spec")
    assert clauses.index()["CF-SET-3"].url == "https://example.org/futurespec/spec/future.md#CF-SET-3"
    assert "  spec: https://example.org/futurespec/spec/future.md#CF-CANCEL-3" in report.render(failing_report)
    assert clauses.link("future.md", "CF-SET-3", start=tmp_path).startswith("https://example.org/futurespec/spec/")


def test_relative_links_point_into_the_checkout_or_the_shipped_spec(tmp_path):
    assert clauses.link("future.md", "CF-SET-3", start=ROOT / "results") == "../spec/future.md#CF-SET-3"
    assert clauses.link("future.md", "CF-SET-3", start=ROOT / "results" / "py3.11") == "../../spec/future.md#CF-SET-3"
    outside = clauses.link("future.md", "CF-SET-3", start=tmp_path)
    assert linkcheck.problem(outside, tmp_path) is None


def test_rendered_pages_outside_a_checkout_link_the_shipped_spec(tmp_path):
    data = json.loads((ROOT / "tests" / "fixtures" / "result.json").read_text())
    path = tmp_path / results.relative_path(data)
    results.write(path, results.normalized(data, "fixture", path.parent))
    render.write_all(tmp_path)
    for page in ("MATRIX.md", "index.html"):
        assert linkcheck.links_in(tmp_path / page)
        assert linkcheck.problems_in(tmp_path / page) == []
    for entry in json.loads(path.read_text())["clauses"].values():
        assert linkcheck.problem(entry["url"], path.parent) is None


@pytest.mark.parametrize("page", ["README.md", "docs/ARCHITECTURE.md", "docs/MATRIX.md", "spec/README.md",
                                  "results/MATRIX.md", "results/index.html"])
def test_the_committed_pages_links_resolve(page):
    if not (ROOT / page).is_file():
        pytest.skip(f"no {page}")
    assert linkcheck.problems_in(ROOT / page) == []


def test_the_committed_result_files_links_resolve():
    files = sorted(COMMITTED.glob("py*/*.json"))
    assert files, "no committed result files under results/"
    for path in files:
        for cid, entry in json.loads(path.read_text())["clauses"].items():
            assert linkcheck.problem(entry["url"], path.parent) is None, f"{path.name}: {cid}"
