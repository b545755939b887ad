"""Faulty asyncio-profile Futures, one bug each, that the conformance suite must reject (see tests/test_faulty.py)."""
