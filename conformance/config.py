"""Run settings: time limits (from the environment) and the Hypothesis settings profiles.

Time limits are generous by default so a loaded CI machine never turns a slow-but-correct call into a verdict;
they only bound how long a genuinely stuck implementation can hold up a run.
"""
import os
from collections.abc import Mapping
from dataclasses import dataclass


def _seconds(variable, default):
    raw = os.environ.get(variable)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{variable}={raw!r} is not a number of seconds") from None
    if value <= 0:
        raise ValueError(f"{variable}={raw!r} must be positive")
    return value


@dataclass(frozen=True)
class Limits:
    hang: float  # how long a call that must return may take before it is judged stuck
    repeat_hang: float  # the same, once one call has already hung in this run (it shrinks faster)
    short_timeouts: tuple  # positive timeouts passed to result()/exception() on unfinished futures
    hang_budget: float  # seconds of hangs after which calls of a kind that hung are no longer attempted
    map_timeout: float  # the timeout map() is given and the suite lets expire (EXEC-MAP-5)
    unresponsive: float = 5.0  # an isolated run's child that sends no sign of life this long is stuck: killed
    startup: float = 60.0  # the same, before its first sign of life: starting an interpreter and importing the suite

    @classmethod
    def from_environment(cls):
        hang = _seconds("FUTURESPEC_HANG_TIMEOUT", 2.0)
        short = _seconds("FUTURESPEC_SHORT_TIMEOUT", 0.005)
        return cls(hang=hang, repeat_hang=min(hang, 0.05), short_timeouts=(short / 5, short),
                   hang_budget=4 * hang, map_timeout=_seconds("FUTURESPEC_MAP_TIMEOUT", 1.0),
                   unresponsive=_seconds("FUTURESPEC_UNRESPONSIVE_TIMEOUT", 5.0),
                   startup=_seconds("FUTURESPEC_STARTUP_TIMEOUT", 60.0))


def crash_budget():
    """How many times an isolated run lets the implementation crash its child before it stops (and reports the
    clauses it did not reach as untested)."""
    raw = os.environ.get("FUTURESPEC_CRASH_BUDGET", "5")
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"FUTURESPEC_CRASH_BUDGET={raw!r} must be a whole number of crashes, at least 1")
    return int(raw)


def lanes_allowed():
    """Whether an isolated run may split in lanes (profiles.Lane), a child for each: FUTURESPEC_LANES=1 keeps one
    child at a time; by default they split on a machine with two cores or more."""
    raw = os.environ.get("FUTURESPEC_LANES", "")
    if raw and (not raw.isdigit() or int(raw) < 1):
        raise ValueError(f"FUTURESPEC_LANES={raw!r} must be a whole number of children running at once, at least 1")
    return int(raw) > 1 if raw else (os.cpu_count() or 1) > 1


SETTINGS_PROFILE_VARIABLE = "FUTURESPEC_PROFILE"
# Every phase but explain: it re-runs the shrunk example under a line tracer and with its arguments varied, to comment
# the steps Hypothesis prints, which about doubled the time from a violation found to its report (measured on
# tests/faulty/future/callback_dedup: 12.8 s against 6.2 s), while the report shows the suite's own account of what
# went wrong and the tracer's lines would be the suite's, not the implementation's.
_SEARCH = ("explicit", "reuse", "generate", "target", "shrink")
_PROFILES = {  # Hypothesis settings, by name (the CLI's --profile)
    "dev": dict(max_examples=60, stateful_step_count=25, phases=_SEARCH),
    "ci": dict(max_examples=150, stateful_step_count=30, derandomize=True, phases=_SEARCH),
    "thorough": dict(max_examples=1000, stateful_step_count=60, phases=_SEARCH),
    # ci without shrinking: the same verdicts, with unshrunk counterexamples, far faster on implementations that
    # fail many clauses (the suite's own zoo of faulty implementations runs with it)
    "triage": dict(max_examples=150, stateful_step_count=30, derandomize=True,
                   phases=("explicit", "reuse", "generate")),
}


class _SettingsProfiles(Mapping):
    """The profiles' Hypothesis settings, each made the first time it is asked for: Hypothesis is imported only by
    the process that runs the machines, not by the one that supervises an isolated run (a fifth of a CPU second of
    every command's start, while the child starts beside it)."""

    def __init__(self):
        self._made = {}

    def __getitem__(self, name):
        if name not in self._made:
            from hypothesis import HealthCheck, Phase, settings
            options = dict(_PROFILES[name])
            self._made[name] = settings(
                **{**options, "phases": [Phase[phase] for phase in options["phases"]]},
                deadline=None,  # the watchdog bounds every call; wall-clock deadlines would only add flakiness
                database=None,  # a run is reproduced by --seed, and the suite writes nothing into the user's folder
                suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
        return self._made[name]

    def __contains__(self, name):
        return name in _PROFILES

    def __iter__(self):
        return iter(_PROFILES)

    def __len__(self):
        return len(_PROFILES)


SETTINGS_PROFILES = _SettingsProfiles()


def derandomized(name):
    """Whether the settings profile `name` runs the same examples every time (its seed is then 0 by default)."""
    return _PROFILES[name].get("derandomize", False)


DEFAULT_SETTINGS_PROFILE = "ci"


def settings_profile_name(requested=None):
    name = requested or os.environ.get(SETTINGS_PROFILE_VARIABLE) or DEFAULT_SETTINGS_PROFILE
    if name not in SETTINGS_PROFILES:
        raise ValueError(f"unknown settings profile {name!r}; choose one of {', '.join(SETTINGS_PROFILES)}")
    return name
