"""Race-only faulty implementations (issue 10): each module has one thread-safety bug whose window is a few lines
wide — a state tested outside the lock, a waiter installed after the lock is released, a notification lost, a lock
held while running callbacks. Called one thread at a time, each is correct; a free-running run of the suite almost
never lands in the window (benchmarks/races_missed.py measures how often it does). Only the controlled scheduler,
which switches threads at every line of the implementation and at every lock operation, finds them for sure.

Each module is a `concurrent.futures`-like module checked as `cf-module:tests.faulty.races.NAME`. A Future bug
subclasses reference/future.py and overrides one method, whole, so that the window lies in the module's own lines;
a bug of wait(), as_completed() or the executor overrides one step of reference/executor.py and, like
tests/faulty/executors/, sets `__getattr__ = from_reference` for the rest. Every module docstring names its window.
They use `threading` the ordinary way (module-level `import threading`, primitives made in `__init__` or per call),
so that the scheduler can put its cooperative primitives in their place.

The controlled scheduler's RaceMachine (conformance/future/race_machine.py) rejects every one of them (one,
shutdown_waits_once, only through its Hypothesis-generated scenarios: the tour's fixed ones never have two threads
shutting one executor down — it was rejected on every one of seeds 0..9 at the ci profile when the generated search
last changed; one, outcome_stored_then_claimed, needs two preemptions, which the tour's completions races reach:
profiles.RACE_TOUR_DEEPER); the other machines are skipped here, since a serial run cannot see these bugs. (A
module, or this folder, may set `NEEDS` to say what the suite still lacks to reject it: tests/test_faulty.py then
checks that it is well formed and skips the rejection test.)"""
PROFILE = "cf"
ADAPTER = "cf-module:{module}"
SKIP_MACHINES = ("FutureMachine", "WaitMachine", "ExecutorMachine")
MINIMUM = 12
