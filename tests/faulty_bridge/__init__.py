"""Faulty bridges between asyncio and concurrent.futures, one bug each in the reference bridge (reference/bridge.py),
that the conformance suite must reject (see tests/test_faulty.py). Each module is checked as
`bridge-module:tests.faulty_bridge.NAME`."""
