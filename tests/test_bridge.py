"""The bridge profile's own plumbing: bridge-module: loading errors, core clauses not applying, and the standard
library's version-bound deviation (BRIDGE-EXC-3, gh-117459) reproducing exactly where it is declared."""
import sys

import pytest

from conformance import clauses, loading, runner
from conformance.adapter import AdapterError


@pytest.mark.parametrize("spec, message", [
    ("bridge-module:tests.fixtures.import_fails", "cannot import module 'tests.fixtures.import_fails': "
                                                  "ModuleNotFoundError"),
    ("bridge-module:tests.fixtures.no_future", "lacks wrap_future, run_coroutine_threadsafe, run_in_executor, which "
                                               "bridge-module: needs"),
])
def test_bad_bridge_modules_are_rejected_with_a_clear_message(spec, message):
    with pytest.raises(AdapterError, match=message):
        loading.load(spec)


@pytest.fixture(scope="module")
def stdlib_report():
    return runner.run(loading.load("asyncio-bridge"), settings_profile="dev", seed=1)


def test_core_clauses_do_not_apply_to_bridges(stdlib_report):
    core = [cid for cid, clause in clauses.index().items() if clause.profile == "core"]
    assert core and all(stdlib_report.verdicts[cid].verdict == "not-applicable" for cid in core)


def test_the_timeout_deviation_reproduces_where_it_is_declared(stdlib_report):
    verdict = stdlib_report.verdicts["BRIDGE-EXC-3"].verdict
    expected = "not-applicable" if sys.version_info < (3, 11) else \
        "deviation" if sys.version_info < (3, 13) else "pass"
    assert verdict == expected and stdlib_report.exit_status == 0
