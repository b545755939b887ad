"""What the executor scenarios run in an executor's workers, beside the gates (EXEC-SUBMIT-4, EXEC-INIT-1, EXEC-MAP-3,
EXEC-START-8, EXEC-TASKS-1, EXEC-CONTEXT-1): plain module-level functions, so that a process pool pickles them by
reference and a spawned worker imports them."""
import os
import socket
import threading
import uuid

_INITIALIZED = []  # (token, process id, thread id), each time initialize() ran in this process
_WORKER = threading.local()  # a token naming the worker (its thread, in its process): worker_token()
MARK = None  # set by the suite before it makes an executor: a forked worker sees it, a spawned one not (origin())


def initialize(token):
    """An executor's initializer: records that it ran, in this worker."""
    _INITIALIZED.append((token, os.getpid(), threading.get_ident()))


def initializations(token):
    """How many times initialize(token) has run in the worker running this call (its process and its thread)."""
    here = (token, os.getpid(), threading.get_ident())
    return sum(1 for entry in _INITIALIZED if entry == here)


class Payload:
    """A result that can be weakly referenced, to see who keeps it alive (EXEC-MAP-10)."""

    def __init__(self, number):
        self.number = number


class Unpicklable:
    """A callable no pickler can send, cloudpickle included (EXEC-PICKLE-1)."""

    def __reduce__(self):
        raise TypeError("futurespec: this object cannot be pickled, on purpose")

    def __call__(self):
        return 1


def unpicklable_result():
    """A call whose result cannot be pickled (EXEC-PICKLE-1)."""
    return Unpicklable()


def fails_on_five(item):
    """-item, except for item 5, which raises (EXEC-MAP-3 with a chunksize)."""
    if item == 5:
        raise ValueError("futurespec: item 5 fails")
    return -item


def arguments(*args, **kwargs):
    """The call submit() made: its positional and keyword arguments."""
    return args, kwargs


def thread_name(_item):
    """The name of the thread running this call (EXEC-START-8)."""
    return threading.current_thread().name


def worker_token(_item):
    """A token naming the worker running this call, drawn the first time that worker asks: process ids and thread
    idents are reused, a new worker never finds a token (EXEC-TASKS-1)."""
    if not hasattr(_WORKER, "token"):
        _WORKER.token = uuid.uuid4().hex
    return _WORKER.token


def origin(mark):
    """Whether this worker sees the MARK its parent set before making the executor, and its parent's process id
    (EXEC-CONTEXT-1)."""
    return MARK == mark, os.getppid()


def hold_until_told(port):
    """A call that says it has started to the suite listening on `port`, runs until the suite says "go", then says it
    is done (EXEC-EXIT-1/2). The socket's timeout bounds it, so that no worker outlives a suite that went away."""
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(b"started")
        if connection.recv(16) == b"go":
            connection.sendall(b"done")
    return "done"
