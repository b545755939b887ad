"""Injects: Future[int] returns the class itself rather than a types.GenericAlias (CPython's C classes before
bpo-46469), so the type hint loses its parameter."""
from reference import aio_future as ref

VIOLATES = {"AIO-CLASS-3"}


class Future(ref.Future):
    __class_getitem__ = classmethod(lambda cls, item: cls)  # BUG
