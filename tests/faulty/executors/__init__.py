"""Faulty executors, wait() and as_completed(): each module is reference/executor.py with one step overridden,
checked as `cf-module:tests.faulty.executors.NAME`. Their Future is the reference's, so the Future machine is
skipped."""
PROFILE = "cf"
ADAPTER = "cf-module:{module}"
SKIP_MACHINES = ("FutureMachine",)
MINIMUM = 15
