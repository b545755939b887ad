"""Describing what an implementation returned or raised, for verdicts, without calling into it: its __repr__ or
__str__ could hang, raise, or take a lock (see CF-SRNC-4). Every message of the suite describes values through here;
nothing in the suite calls repr() or str() on an implementation's value."""

SIMPLE = (type(None), bool, int, float, str)


def class_name(cls):
    return cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def show(value):
    """A value of a simple built-in type as its repr; an exception as its class and, where its arguments are simple
    built-in values, those; anything else by its class name alone."""
    if type(value) in SIMPLE:
        return repr(value)
    if isinstance(value, BaseException):
        args = BaseException.args.__get__(value)  # the C slot: no property of the implementation's runs
        shown = ", ".join(repr(arg) for arg in args) if all(type(arg) in SIMPLE for arg in args) else "..."
        return f"{class_name(type(value))}({shown})"
    return f"<{type(value).__name__} object>"


def describe(value, error):
    """What a call did: `raised ...` or `returned ...`."""
    return f"raised {show(error)}" if error is not None else f"returned {show(value)}"
