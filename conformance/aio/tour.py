"""The asyncio profile's tour: every operation in every state of spec/asyncio.md §1 (see tour.py)."""
PREFIXES = {
    "PENDING": [],
    "CANCELLED": [("cancel", {"msg": "why"})],
    "FINISHED(result)": [("set_result", {"result": "object"})],
    "FINISHED(exception)": [("set_exception", {"exception": "ValueError"})],
}
OPERATIONS = [
    ("cancel", {"msg": None}),
    ("cancel", {"msg": "another reason"}),
    ("set_result", {"result": "None"}),
    *[("set_exception", {"exception": kind}) for kind in
      ("KeyboardInterrupt", "CancelledError", "class:ValueError", "StopIteration", "StopIteration-subclass",
       "not-an-exception")],
    ("read", {"method": "result"}),
    ("read", {"method": "exception"}),
    ("add_done_callback", {"kind": "record"}),
    ("add_done_callback", {"kind": "context"}),
    ("remove_done_callback", {"kind": "twice"}),
    ("remove_done_callback", {"kind": "record"}),
    ("await_in_task", {}),
    ("await_by_hand", {}),
]
WATCHERS = [
    ("add_done_callback", {"kind": "record"}),
    ("add_done_callback", {"kind": "twice"}),
    ("add_done_callback", {"kind": "raise"}),
    ("add_done_callback", {"kind": "reenter"}),
    ("add_done_callback", {"kind": "context"}),
    ("await_in_task", {}),
    ("run_loop_once", None),
]
RUN = ("run_loop_once", None)


def walks(capabilities):
    del capabilities  # the asyncio profile declares none yet
    yield [("the_class", None)]  # AIO-CLASS-2/3
    for retrieve in (None, "result", "exception", "cancel"):  # AIO-LOG-1
        yield [("unretrieved", {"retrieve": retrieve})]
    for prefix in PREFIXES.values():
        for operation in OPERATIONS:
            yield WATCHERS + prefix + [operation, RUN, RUN, ("observe", {})]
