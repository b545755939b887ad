"""Injects: the executor keeps the futures of its last map() ("for introspection"), so every result the iterator has
yielded stays alive as long as the executor does."""
from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"EXEC-MAP-10"}
__getattr__ = from_reference


class ThreadPoolExecutor(executor.ThreadPoolExecutor):
    def _results_in_order(self, futures, time_left):
        self.last_map = list(futures)  # BUG: holds every result of the map
        return super()._results_in_order(futures, time_left)
