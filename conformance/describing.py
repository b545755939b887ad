"""Describing what an implementation returned or raised, for verdicts, without calling into it: its __repr__ could
hang, raise, or take a lock (see CF-SRNC-4)."""


def class_name(cls):
    return cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def show(value):
    """Describe a value without calling into the implementation (its __repr__ could hang or raise)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    if isinstance(value, BaseException):
        return class_name(type(value))
    return f"<{type(value).__name__} object>"


def describe(value, error):
    return f"raised {show(error)}" if error is not None else f"returned {show(value)}"
