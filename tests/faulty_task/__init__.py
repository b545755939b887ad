"""Faulty asyncio Tasks, one bug each, that the conformance suite must reject (see tests/test_faulty.py). Each
module's `Task` subclasses the pure-Python `asyncio.tasks._PyTask` and is checked as
`task-class:tests.faulty_task.NAME.Task`."""
