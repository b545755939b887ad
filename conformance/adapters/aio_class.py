"""`aio-class:DOTTED.NAME` — check any Future class meant to be asyncio-compatible, as `cls(loop=loop)`."""

from ..adapter import user_module, AdapterError, AsyncioAdapter


class FutureClassAdapter(AsyncioAdapter):
    def __init__(self, future_class, name):
        self.future_class = future_class
        self.name = name

    def new_future(self, loop):
        return self.future_class(loop=loop)


def import_class(scheme, dotted_name):
    """The class DOTTED.NAME names, or an AdapterError saying why there is none."""
    module_name, _, class_name = dotted_name.rpartition(".")
    if not module_name:
        raise AdapterError(f"{scheme}: needs module.ClassName, not {dotted_name!r}")
    module = user_module(module_name)
    found = getattr(module, class_name, None)
    if not isinstance(found, type):
        raise AdapterError(f"module {module_name!r} has no class {class_name!r}")
    return found


def load(dotted_name):
    return FutureClassAdapter(import_class("aio-class", dotted_name), f"aio-class:{dotted_name}")
