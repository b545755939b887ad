"""Injects: set_name() keeps the value it is given, so get_name() may return something that is not a str."""
from asyncio import tasks

VIOLATES = {"TASK-NAME-1"}


class Task(tasks._PyTask):
    def set_name(self, value):
        self.kept = value  # BUG: not str(value)

    def get_name(self):
        return getattr(self, "kept", super().get_name())
