"""`aio-class:DOTTED.NAME` — check any Future class meant to be asyncio-compatible, as `cls(loop=loop)`."""
import importlib

from ..adapter import AdapterError, AsyncioAdapter


class ClassAdapter(AsyncioAdapter):
    def __init__(self, future_class, name):
        self.future_class = future_class
        self.name = name

    def new_future(self, loop):
        return self.future_class(loop=loop)


def load(dotted_name):
    module_name, _, class_name = dotted_name.rpartition(".")
    if not module_name:
        raise AdapterError(f"aio-class: needs module.ClassName, not {dotted_name!r}")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise AdapterError(f"cannot import module {module_name!r}: {type(exc).__name__}: {exc}") from None
    future_class = getattr(module, class_name, None)
    if not isinstance(future_class, type):
        raise AdapterError(f"module {module_name!r} has no class {class_name!r}")
    return ClassAdapter(future_class, f"aio-class:{dotted_name}")
