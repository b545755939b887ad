"""Faulty concurrent.futures Futures: each module is a whole `concurrent.futures`-like module (its `Future` and
exception classes) with one bug in the Future, checked as `cf-module:tests.faulty.future.NAME`."""
PROFILE = "cf"
ADAPTER = "cf-module:{module}"
SKIP_MACHINES = ()
MINIMUM = 24
