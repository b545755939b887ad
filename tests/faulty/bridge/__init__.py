"""Faulty bridges between asyncio and concurrent.futures: each module is the reference bridge (reference/bridge.py)
with one step broken, checked as `bridge-module:tests.faulty.bridge.NAME`."""
PROFILE = "bridge"
ADAPTER = "bridge-module:{module}"
SKIP_MACHINES = ()
MINIMUM = 12
