"""The suite as a pytest plugin: `pytest --futurespec-adapter SPEC` adds one test item per clause.

A backend can then keep conformance inside its own test run: a failing clause fails its item with the
counterexample, a known deviation is an xfail, and a clause that does not apply or is untested is a skip.
Without the option the plugin does nothing. As on the command line, the implementation runs in a supervised child
process (isolation.py) unless --futurespec-in-process; the adapter is loaded here too, to reject a bad one at once.
"""
import pytest

from . import isolation, loading, report, runner
from .adapter import AdapterError
from .config import settings_profile_name


def pytest_addoption(parser):
    group = parser.getgroup("futurespec", "futurespec conformance")
    group.addoption("--futurespec-adapter", metavar="SPEC", help="check this adapter (as python -m conformance)")
    group.addoption("--futurespec-profile", metavar="NAME",
                    help="Hypothesis settings profile: dev, ci, thorough, triage")
    group.addoption("--futurespec-seed", metavar="N", type=int, help="seed for a reproducible run")
    group.addoption("--futurespec-exitfirst", action="store_true",
                    help="stop the run at the first clause that fails it (the rest are skipped as untested)")
    group.addoption("--futurespec-in-process", action="store_true",
                    help="run the implementation in pytest's process instead of a supervised child (debugging)")


def pytest_configure(config):
    spec = config.getoption("futurespec_adapter")
    if spec:
        try:  # a bad adapter is a usage error, reported once, before anything runs
            config._futurespec = (spec, loading.load(spec),
                                  settings_profile_name(config.getoption("futurespec_profile")))
        except (AdapterError, ValueError) as error:
            raise pytest.UsageError(f"futurespec: {error}") from None


def pytest_collection_modifyitems(session, config, items):
    if getattr(config, "_futurespec", None):
        spec = config._futurespec[0]
        items.extend(ConformanceRun.from_parent(session, name=f"futurespec[{spec}]").collect())


class ConformanceRun(pytest.Collector):
    _report = None

    def result(self):
        """Run the suite once, on the first item that asks."""
        if self._report is None:
            spec, adapter, settings_profile = self.config._futurespec
            options = dict(settings_profile=settings_profile, seed=self.config.getoption("futurespec_seed"),
                           exitfirst=self.config.getoption("futurespec_exitfirst"))
            if self.config.getoption("futurespec_in_process"):
                self._report = runner.run(adapter, spec=spec, **options)
            else:
                self._report = isolation.run(spec, **options)
        return self._report

    def collect(self):
        from .clauses import index

        return [ClauseItem.from_parent(self, name=clause_id) for clause_id in index()]


class ClauseItem(pytest.Item):
    def runtest(self):
        verdict = self.parent.result().verdicts[self.name]
        if verdict.verdict in ("not-applicable", "untested"):
            pytest.skip(f"{verdict.verdict}: {verdict.reason}")
        if verdict.verdict == "deviation":
            pytest.xfail(f"known deviation: {verdict.reason}")
        if verdict.verdict == "fail":
            raise ClauseFailed("\n".join(report._failure(verdict)))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ClauseFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"futurespec clause {self.name}"


class ClauseFailed(Exception):
    """A clause's verdict is fail; the message is the report's account of it."""
