"""Faulty bridges between asyncio and concurrent.futures: each module is the reference bridge (reference/bridge.py)
with one step broken, checked as `bridge-module:tests.faulty.bridge.NAME`. Three are race-only: the sequential
BridgeMachine never sees them, the controlled scheduler's BridgeRaceMachine (conformance/bridge/races.py) does —
coroutine_cancel_check_then_set (a state tested outside the cf future's lock), handover_wakes_no_loop (a loop
asleep in select() never woken) and call_handover_skips_wakeup (run_in_executor's worker tests whether the loop runs,
then hands the outcome over without waking it)."""
PROFILE = "bridge"
ADAPTER = "bridge-module:{module}"
SKIP_MACHINES = ()
MINIMUM = 12
