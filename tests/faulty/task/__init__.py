"""Faulty asyncio Tasks: each module's `Task` subclasses the pure-Python `asyncio.tasks._PyTask` with one bug,
checked as `task-class:tests.faulty.task.NAME.Task`."""
PROFILE = "task"
ADAPTER = "task-class:{module}.Task"
SKIP_MACHINES = ()
MINIMUM = 12
