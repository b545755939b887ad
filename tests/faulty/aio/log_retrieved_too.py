"""Injects: a future reports its exception when collected even though result(), exception() or cancel() read it."""
from reference import aio_future as ref

VIOLATES = {"AIO-LOG-1"}


class Future(ref.Future):
    def set_exception(self, exception):
        super().set_exception(exception)
        self.__class__ = Sticky


class Sticky(Future):
    _unretrieved = property(lambda self: True, lambda self, value: None)  # BUG: reading it changes nothing
