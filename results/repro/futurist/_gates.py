"""Helpers of the futurist process-pool scripts: calls that block on an event of a multiprocessing manager, and
record that they started, so a script knows which call is queued and which is running without any timing."""


def gated(started, release, number):
    started[number] = True
    release.wait()
    return number


def gated_exit(started, release, number):
    """Like gated(), then the worker process dies abruptly."""
    import os

    gated(started, release, number)
    os._exit(1)
