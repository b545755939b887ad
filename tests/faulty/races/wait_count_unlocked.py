"""Injects: wait(ALL_COMPLETED) counts the futures still pending in its done-callbacks, reading the count and writing
it back outside the lock it waits on (a lost update). Two callbacks that interleave — two completing threads, or a
completing thread and wait()'s own add_done_callback() of a future already done — both write back the same count,
which then never reaches 0: wait() blocks until its timeout, for ever without one, though every future is done.

Window: between the two lines of `notify` (`left = pending[0] - 1` and `pending[0] = left`). One thread at a time
the callbacks run one after the other. The tour's ALL_COMPLETED race finds it: one future done in advance, listed
after one a thread completes, whose callback wait() has installed when it adds its own to the done one."""
import threading

from reference import executor
from tests.faulty.executors import from_reference

VIOLATES = {"WAIT-RETURN-3"}
__getattr__ = from_reference


class Faulty(executor.Waiting):
    def wait(self, fs, timeout=None, return_when=executor.ALL_COMPLETED):
        fs = self.distinct(fs)
        changed = threading.Condition()
        pending = [len(fs)]

        def notify(_):
            left = pending[0] - 1  # BUG: read, and written back below, outside `changed`
            pending[0] = left
            with changed:
                changed.notify_all()

        for f in fs:
            f.add_done_callback(notify)
        every = return_when == executor.ALL_COMPLETED
        with changed:
            self.block(changed, lambda: pending[0] == 0 if every else self.condition_met(fs, return_when), timeout)
        return self.split(fs)


wait, as_completed = Faulty().functions()
