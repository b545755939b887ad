"""Faulty asyncio combinators: each module is the reference combinators (reference/combinators.py) with one step
broken, checked as `combinators-module:tests.faulty.combinators.NAME`."""
PROFILE = "combinators"
ADAPTER = "combinators-module:{module}"
SKIP_MACHINES = ()
MINIMUM = 60
