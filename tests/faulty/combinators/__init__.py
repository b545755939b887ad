"""Faulty asyncio combinators: each module is the zoo's own correct gather, shield and wait_for (_correct.py) with
one step broken, checked as `combinators-module:tests.faulty.combinators.NAME`."""
PROFILE = "combinators"
ADAPTER = "combinators-module:{module}"
SKIP_MACHINES = ()
MINIMUM = 16
