"""The matrix page (results/index.html) in a real headless Chromium, as a reader opens it from the file system: it
renders without console errors, its filters show and hide what they say, a failing cell opens its counterexample
and replay script, a deviation its upstream issue, and every link resolves.

Needs Debian's chromium and chromium-driver (`apt-get install chromium chromium-driver`; $CHROMIUM and $CHROMEDRIVER
override the paths) and selenium: `tox -e browser`. Without them the tests skip, saying so; CI sets
FUTURESPEC_BROWSER_REQUIRED=1, which turns that skip into a failure.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import linkcheck

ROOT = Path(__file__).resolve().parent.parent.parent
FAULTY = "aio-class:tests.faulty.aio.cancel_message_lost.Future"  # an asyncio profile run: seconds, not a minute
WAIT = 20  # seconds any one thing in the browser may take
VERDICTS = {"pass", "fail", "deviation", "not-applicable", "untested", ""}


def _missing(reason):
    if os.environ.get("FUTURESPEC_BROWSER_REQUIRED"):
        pytest.fail(f"{reason} (FUTURESPEC_BROWSER_REQUIRED is set)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium is not installed: run tox -e browser")
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if not binary or not driver_path:
        _missing("Chromium or its driver is not installed: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,900", "--allow-file-access-from-files"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))  # the system driver: nothing fetched
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page_with_failure(tmp_path_factory):
    """A results folder holding a failing implementation, a deviating one (asyncio-py: AIO-SET-6 on every Python)
    and a conforming one."""
    out = tmp_path_factory.mktemp("results")
    run = subprocess.run([sys.executable, "-m", "conformance", "matrix", "--adapters", f"{FAULTY},asyncio-py,asyncio",
                          "--profile", "dev", "--seed", "1", "--jobs", "2", "--out", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    return out / "index.html"


def _open(browser, page):
    browser.get(page.as_uri())
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, f"console errors on {page}: {errors}"


def _visible_rows(browser):
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('tbody tr[data-clause]')).filter(r => !r.hidden)"
        ".map(r => [r.dataset.clause, r.dataset.chapter, Array.from(r.querySelectorAll('td')).filter(c => !c.hidden)"
        ".map(c => c.dataset.v)])")


def _choose(browser, select_id, value):
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", select_id)).select_by_value(value)


def _links_resolve(browser, page):
    hrefs = browser.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    assert hrefs
    problems = {p for p in (linkcheck.problem(href, page.parent) for href in hrefs) if p}
    assert not problems, sorted(problems)[:10]


def test_the_committed_page_renders_filters_and_links(browser):
    page = ROOT / "results" / "index.html"
    if not page.is_file():
        pytest.skip("no committed results/index.html")
    _open(browser, page)
    every = _visible_rows(browser)
    assert len(every) > 100
    _choose(browser, "verdict", "deviation")
    deviating = _visible_rows(browser)
    assert 0 < len(deviating) < len(every) and all("deviation" in cells for _, _, cells in deviating)
    _choose(browser, "verdict", "")
    _choose(browser, "chapter", "executors.md")
    assert {chapter for _, chapter, _ in _visible_rows(browser)} == {"executors.md"}
    _choose(browser, "chapter", "")
    python = browser.execute_script("return Array.from(document.querySelectorAll('#python option')).pop().value")
    _choose(browser, "python", python)
    shown = browser.execute_script("return Array.from(document.querySelectorAll('th.impl')).filter(c => !c.hidden)"
                                   ".map(c => c.dataset.py)")
    assert shown and set(shown) == {python}
    assert {cell for _, _, cells in _visible_rows(browser) for cell in cells} <= set(VERDICTS)
    _choose(browser, "python", "")
    assert "clauses shown" in browser.find_element("id", "shown").text
    cell = browser.execute_script(  # a deviation whose panel cites an upstream issue (some have none to cite)
        "return Array.from(document.querySelectorAll('td.v-deviation a')).find(a => {"
        " const panel = document.getElementById(a.getAttribute('href').slice(1));"
        " return panel && panel.querySelector('a.issue'); })")
    assert cell is not None, "no deviation cell opens a panel that cites an upstream issue"
    cell.click()
    panel = browser.find_element("css selector", ".panel:target")
    assert panel.is_displayed()
    issues = panel.find_elements("css selector", "a.issue")
    assert issues and all(a.get_attribute("href").startswith(linkcheck.WEB) for a in issues)
    _links_resolve(browser, page)
    _open(browser, page)  # and no error came up on the way


def test_a_failing_cell_opens_its_counterexample(browser, page_with_failure):
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, page_with_failure)
    _choose(browser, "verdict", "fail")
    assert [cid for cid, _, _ in _visible_rows(browser)] == ["AIO-CANCEL-3"]
    cell = browser.find_element("css selector", "tr#AIO-CANCEL-3 td.v-fail a")
    cell.click()
    panel = WebDriverWait(browser, WAIT).until(lambda b: b.find_element("css selector", ".panel:target"))
    assert panel.is_displayed()
    replay = panel.find_element("css selector", "pre.replay").text
    assert "replay_machine" in replay and FAULTY in replay
    assert "--adapter " + FAULTY in panel.find_element("css selector", "pre.reproduce").text
    spec_link = panel.find_element("css selector", "h2 a").get_attribute("href")
    assert spec_link.endswith("asyncio.md#AIO-CANCEL-3") and linkcheck.problem(spec_link, None) is None
    panel.find_element("css selector", "a.close").click()
    WebDriverWait(browser, WAIT).until(lambda b: not panel.is_displayed())
    _links_resolve(browser, page_with_failure)
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
