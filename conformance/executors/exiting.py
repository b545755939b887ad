"""The executor machine's exit scenarios (EXEC-EXIT-1/2/3): a program whose main thread ends while a call runs, on
an executor kept or dropped and never shut down; and, while that exit waits for the call, submit() refused. It runs
in a child process the suite starts (conformance/executors/exit_child.py), for the exit of an interpreter cannot be
watched from inside it.

Every wait is bounded, so a child that hangs at exit is a verdict, never a stuck suite: the child and its call speak to
the suite over a socket with a timeout, and the child is killed once the time is up. The child must not exit before
the suite has said "go" to the call; the suite gives it a window (half the hang limit) to do so wrongly, then lets the
call finish and expects the process to exit promptly. For EXEC-EXIT-3 the child's own thread reports instead whether
submit() was refused once the main thread had ended, within the same window, before the suite lets the call finish;
only when the exit did wait for the kept executor's call (EXEC-EXIT-1: the process did not end while it ran), which is
that clause's premise. Each variant is judged on its own: a declared deviation of one leaves the others judged.
An adapter whose exit takes seconds to show what it does (a cluster closed by atexit hooks) declares
`executor_exit`: seconds added to that window and to "promptly", so that a slow wrong exit is seen on every run.
"""
import os
import socket
import subprocess
import sys
import tempfile
import time

from ..judging import judged

VARIANTS = (("EXEC-EXIT-1", "kept"), ("EXEC-EXIT-2", "dropped"), ("EXEC-EXIT-3", "late"))
EXPECTED = {"kept": "finished", "dropped": "finished", "late": "refused"}
EXIT_LIMIT = 10.0  # seconds a child may take to exit once its call is done: "promptly", on a loaded machine
LOOK = 0.1  # seconds between looks at whether the child has ended, while waiting for its thread's report
EARLY = "while the call was still running"  # how the verdict on a process that did not wait for its call ends


class ExitScenarios:
    """A mixin for ExecutorMachine (its adapter, limits, call(), expect())."""

    @judged
    def exit_waits(self):
        spec = getattr(self.adapter, "loaded_as", None)
        if spec is None:
            return  # an adapter made in process, which a child cannot load again
        startup = 30.0 + self.adapter.executor_startup
        window, allowance = exit_window(self.adapter, self.limits), self.adapter.executor_exit
        waited = True  # the exit waited for the kept executor's call: EXEC-EXIT-3's premise (met by a hang too)
        for clause, mode in VARIANTS:
            if not self.applies(clause) or (mode == "late" and not waited):
                continue
            what = (f"a child process whose main thread ends while a call runs on an executor {_SHOWN[mode]} without "
                    "shutdown()")
            call = self.call(None, what, clause, run_child, spec, mode, window, startup, EXIT_LIMIT + allowance,
                             extra=3 * startup + 2 * allowance)
            outcome, detail = ("", call.describe()) if call.raised else call.value
            waited = waited and not (mode == "kept" and outcome.endswith(EARLY))
            # each variant judged on its own: a declared deviation of one does not leave the next unjudged
            self.judging([], self.expect, clause, outcome == EXPECTED[mode], lambda: f"{what}: {outcome}{detail}")


def exit_window(adapter, limits):
    """How long the child is watched for an exit before its call finished (EXEC-EXIT-1/2), or given to refuse
    submit() (EXEC-EXIT-3): half the hang limit, plus the adapter's `executor_exit`."""
    return limits.hang / 2 + adapter.executor_exit


_SHOWN = {"kept": "kept", "dropped": "dropped", "late": "kept, submit() being tried from another thread,"}


def run_child(spec, mode, window, startup, exit_limit=EXIT_LIMIT):
    """("finished", "") when the child waited for its call, then exited within `exit_limit` seconds with status 0
    ("refused" in mode "late", when submit() was refused meanwhile); else what went wrong and the end of the child's
    stderr."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p or os.getcwd() for p in sys.path))
    with socket.create_server(("127.0.0.1", 0)) as server, tempfile.TemporaryFile() as errors:
        server.settimeout(startup)
        child = subprocess.Popen([sys.executable, "-m", "conformance.executors.exit_child", spec,
                                  str(server.getsockname()[1]), mode, str(window)], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=errors, env=env)
        try:
            return _judge(server, child, window, startup, mode, exit_limit), ""
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"the child did not go on ({type(error).__name__}: {error})", _tail(errors)
        except _Verdict as verdict:
            return str(verdict), _tail(errors)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()


class _Verdict(Exception):
    pass


def _judge(server, child, window, startup, mode, exit_limit):
    connections = {}
    while len(connections) < 2:
        connection, _ = server.accept()
        connection.settimeout(startup)
        connections[connection.recv(16)] = connection
    call, main = connections.get(b"started"), connections.get(b"submitted")
    if call is None or main is None:
        raise _Verdict(f"the child said {sorted(connections)}")
    main.sendall(b"started")
    if main.recv(16) != b"exiting":
        raise _Verdict("the child's main thread did not reach its end")
    if mode == "late":
        return _refusal(server, child, connections, window + startup, exit_limit)
    status = _status(child, window)
    if status is not None:  # it must still be waiting for the call
        raise _Verdict(f"the process exited (status {status}) {EARLY}")
    call.sendall(b"go")
    if call.recv(16) != b"done":
        raise _Verdict("the call ended without finishing")
    status = _status(child, exit_limit)
    if status != 0:
        raise _Verdict(f"the process did not exit within {exit_limit:.0f} s of its call finishing" if status is None
                       else f"the process exited with status {status}")
    for connection in connections.values():
        connection.close()
    return "finished"


def _refusal(server, child, connections, seconds, exit_limit):
    """EXEC-EXIT-3: what the child's thread found (it tries for `window` seconds after the main thread ended); the
    call is then let finish, unjudged (EXEC-EXIT-1 is the "kept" child's). The thread connects before it tries, so a
    process that ends meanwhile is seen at once: its connection closes unanswered, or never comes."""
    connection = _accept_unless_ended(server, child, seconds)
    report = ""
    if connection is not None:
        with connection:
            connection.settimeout(seconds)
            report = connection.recv(1024).decode(errors="replace")
    if not report:
        status = _status(child, exit_limit)
        return (f"the process exited (status {status}) before its thread saw submit() refused" if status is not None
                else "the child's thread said nothing")
    connections[b"started"].sendall(b"go")
    connections[b"started"].recv(16)
    for opened in connections.values():
        opened.close()
    _status(child, exit_limit)
    return report


def _accept_unless_ended(server, child, seconds):
    """The next connection to `server` within `seconds`; None once the child has ended without making it."""
    deadline = time.monotonic() + seconds
    server.settimeout(LOOK)
    while True:
        try:
            return server.accept()[0]
        except socket.timeout:
            if child.poll() is not None:
                server.settimeout(0)  # one last look: it may have connected just before it ended
                try:
                    return server.accept()[0]
                except BlockingIOError:
                    return None
            if time.monotonic() > deadline:
                raise


def _status(child, seconds):
    """The child's exit status once it has exited, or None if it is still running after `seconds`."""
    try:
        return child.wait(seconds)
    except subprocess.TimeoutExpired:
        return None


def _tail(errors):
    errors.seek(0)
    text = errors.read().decode(errors="replace").strip()
    return f"; its stderr ends: {text[-600:]}" if text else ""
