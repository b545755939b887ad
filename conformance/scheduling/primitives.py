"""Cooperative Lock, RLock, Condition, Event and Semaphore, given to the implementation under test for a scenario.

The scheduler must know when a thread would block, and on what, so that it runs another thread instead and sees a
deadlock the moment every thread is blocked. So, while a scenario runs, the name `threading` in the implementation's
modules (and names bound there to threading's classes) stands for a namespace that hands scenario threads these
primitives, and every other thread the real ones: nothing outside the scenario is affected. Only one scenario thread
runs at a time, so their state needs no lock of its own; each operation that can let another thread go on is a
switch point. A timed wait returns False only when the scheduler fires its timeout (see scheduler.py).
"""
import contextlib
import queue
import threading
import types

from . import scheduler

_REAL = {"Lock": threading.Lock, "RLock": threading.RLock, "Condition": threading.Condition,
         "Event": threading.Event, "Semaphore": threading.Semaphore, "BoundedSemaphore": threading.BoundedSemaphore}

_REAL_ALL = dict(_REAL, Thread=threading.Thread, SimpleQueue=queue.SimpleQueue)


def _running():
    """The scheduler and the scenario thread calling, or (None, None) outside a scenario (operations then never
    block: a primitive used after its scenario is used by one thread)."""
    worker = scheduler.managed()
    return (worker.scheduler, worker) if worker is not None else (None, None)


def _point(what):
    worker = scheduler.managed()
    if worker is not None:
        worker.scheduler.point((what, 0))


def wait_until(until, what, timeout=None):
    """Block the calling scenario thread until `until()` (`timeout` None: for ever; not positive: not at all); False
    if it could not block or its timeout fired."""
    if until():
        return True
    sched, _ = _running()
    if sched is None or (timeout is not None and timeout <= 0):
        _point(what)
        return until()
    while not until():
        if not sched.block(until, what, timeout is not None):
            return until()
    return True


def _lock_timeout(blocking, timeout):
    """threading's acquire(blocking, timeout) as _wait_until's timeout."""
    return 0 if not blocking else None if timeout is None or timeout < 0 else timeout


class Lock:
    def __init__(self):
        self._owner = None

    def acquire(self, blocking=True, timeout=-1):
        if not wait_until(lambda: self._owner is None, "Lock.acquire", _lock_timeout(blocking, timeout)):
            return False
        self._owner = threading.get_ident()
        return True

    def release(self):
        if self._owner is None:
            raise RuntimeError("release unlocked lock")
        self._owner = None
        _point("Lock.release")

    def locked(self):
        return self._owner is not None

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def _release_save(self):
        self.release()
        return None

    def _acquire_restore(self, saved):
        self.acquire()

    def _is_owned(self):
        return self._owner == threading.get_ident()


class RLock(Lock):
    def __init__(self):
        super().__init__()
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = threading.get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if not wait_until(lambda: self._owner is None, "RLock.acquire", _lock_timeout(blocking, timeout)):
            return False
        self._owner, self._count = me, 1
        return True

    __enter__ = acquire

    def release(self):
        if self._owner != threading.get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            _point("RLock.release")

    def _release_save(self):
        if self._owner != threading.get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        saved, self._count, self._owner = self._count, 0, None
        _point("RLock.release")
        return saved

    def _acquire_restore(self, saved):
        self.acquire()
        self._count = saved


class _Token:
    woken = False


class Condition:
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self._waiters = []
        self.acquire, self.release = self._lock.acquire, self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def _is_owned(self):
        return self._lock._is_owned()

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        token = _Token()  # compared by identity: each waiter removes its own
        self._waiters.append(token)
        saved = self._lock._release_save()
        try:
            woken = wait_until(lambda: token.woken, "Condition.wait", timeout)
        finally:
            if not token.woken and token in self._waiters:
                self._waiters.remove(token)
            self._lock._acquire_restore(saved)
        return woken

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            if timeout is not None and timeout <= 0:
                break
            woken = self.wait(timeout)
            result = predicate()
            if not woken and timeout is not None:
                break
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken, self._waiters = self._waiters[:n], self._waiters[n:]
        for token in woken:
            token.woken = True

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Event:
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True
        _point("Event.set")

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        return wait_until(lambda: self._flag, "Event.wait", timeout)


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not wait_until(lambda: self._value > 0, "Semaphore.acquire",
                           _lock_timeout(blocking, timeout)):
            return False
        self._value -= 1
        return True

    __enter__ = acquire

    def release(self, n=1):
        self._value += n
        _point("Semaphore.release")

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self._initial = value

    def release(self, n=1):
        if self._value + n > self._initial:
            raise ValueError("Semaphore released too many times")
        super().release(n)


class Thread:
    """A thread the implementation starts from a scenario thread (an executor's worker): it becomes one more thread
    of the scenario, run under the same schedule; join() is a blocking operation like any other."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target, self._args, self._kwargs = target, args, kwargs or {}
        self.name, self.daemon, self._worker = name or "futurespec-spawned", daemon, None

    def start(self):
        self._worker = scheduler.managed().scheduler.spawn(self.run, self.name)

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        wait_until(lambda: not self.is_alive(), "Thread.join", timeout)

    def is_alive(self):
        return self._worker is not None and self._worker.status != "done"

    @property
    def ident(self):
        return None if self._worker is None else self._worker.ident


class SimpleQueue:
    """queue.SimpleQueue (C code, which blocks where the scheduler cannot see)."""

    def __init__(self):
        self._items = []

    def put(self, item, block=True, timeout=None):
        self._items.append(item)
        _point("SimpleQueue.put")

    put_nowait = put

    def get(self, block=True, timeout=None):
        if not wait_until(lambda: self._items, "SimpleQueue.get", None if block and timeout is None else
                          timeout if block else 0):
            raise queue.Empty
        return self._items.pop(0)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not self._items

    def qsize(self):
        return len(self._items)


_COOPERATIVE = {"Lock": Lock, "RLock": RLock, "Condition": Condition, "Event": Event, "Semaphore": Semaphore,
                "BoundedSemaphore": BoundedSemaphore, "Thread": Thread, "SimpleQueue": SimpleQueue}
_MODULES = {threading: ("Lock", "RLock", "Condition", "Event", "Semaphore", "BoundedSemaphore", "Thread"),
            queue: ("SimpleQueue",)}


def _factory(name):
    def make(*args, **kwargs):
        return (_COOPERATIVE if scheduler.managed() else _REAL_ALL)[name](*args, **kwargs)
    make.__name__ = name
    return make


class _Namespace:
    """Stands for the threading (or queue) module in the implementation's modules during a scenario."""

    def __init__(self, module):
        self._module = module

    def __getattr__(self, name):
        if name in _MODULES[self._module] and scheduler.managed() is not None:
            return _COOPERATIVE[name]
        return getattr(self._module, name)


class _Shared:
    """A lock made before the scenario (at module level): scenario threads wait for it cooperatively."""

    def __init__(self, lock):
        self._lock = lock

    def acquire(self, blocking=True, timeout=-1):
        if scheduler.managed() is None:
            return self._lock.acquire(blocking, timeout)
        while not self._lock.acquire(False):
            if not wait_until(lambda: not self._lock.locked(), "Lock.acquire (module level)",
                              _lock_timeout(blocking, timeout)):
                return False
        return True

    def release(self):
        self._lock.release()
        _point("Lock.release (module level)")

    def locked(self):
        return self._lock.locked()

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


@contextlib.contextmanager
def installed(modules):
    """Give the implementation's `modules` the cooperative primitives (in scenario threads) until the block ends."""
    swapped = []
    real = {id(cls): name for name, cls in _REAL.items()}
    real.update({id(threading.Thread): "Thread", id(queue.SimpleQueue): "SimpleQueue"})
    lock_type = type(threading.Lock())
    for module in modules:
        for name, value in list(vars(module).items()):
            if type(value) is types.ModuleType and value in _MODULES:
                swapped.append((module, name, value))
                setattr(module, name, _Namespace(value))
            elif id(value) in real:
                swapped.append((module, name, value))
                setattr(module, name, _factory(real[id(value)]))
            elif type(value) is lock_type:
                swapped.append((module, name, value))
                setattr(module, name, _Shared(value))
    try:
        yield
    finally:
        for module, name, value in reversed(swapped):
            setattr(module, name, value)
