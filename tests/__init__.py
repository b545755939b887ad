"""The tests of futurespec."""
