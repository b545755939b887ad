"""Scheduling of the project's own tests: the references' ci runs are one xdist group (tests/test_traceability.py),
so one worker makes them all; they come first, and the other worker runs the rest meanwhile instead of idling while
they finish last (they are the longest unit of the session)."""


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)  # stable: grouped tests first
