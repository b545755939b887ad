"""A child process started before the parent imports the suite, so that the two interpreters start and import it at
the same time: the first child of an isolated run (supervision.py) then costs about nothing on top of the command's
own start, which is most of the time to a first violation.

`python -m conformance` starts it first thing when the command will run an adapter in isolation. The spare waits
for its job on stdin; a command that never hands it one (a usage error, an adapter that does not load) leaves it to
end with this process, when its stdin closes. This module imports nothing of the suite: it runs before it loads.
"""
import os
import subprocess
import sys

_spare = None

# Options after which the command runs no isolated child (cli.py, which accepts no abbreviations of them;
# tests/test_cli.py keeps this list in step with its options):
_NO_CHILD = {"--in-process", "--list-clauses", "--list-adapters", "-h", "--help", "matrix"}


def environment():
    """This environment, with this package importable in a child wherever it was imported from here."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = [root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def start(argv):
    """Start the spare child, unless the command line `argv` will run no child."""
    global _spare
    if _NO_CHILD.isdisjoint(argv):
        # A session of its own: an implementation may kill its whole process group (an MPI singleton that exits
        # without MPI_Finalize, as the child's os._exit does, has mpich's launcher SIGKILL the group), never us.
        _spare = subprocess.Popen([sys.executable, "-m", "conformance._child", "-"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, env=environment(), start_new_session=True)


def take(job_path):
    """The spare child, handed the job in `job_path`, if one is still waiting; else None (start a fresh one)."""
    global _spare
    child, _spare = _spare, None
    if child is None or child.poll() is not None:
        return None
    try:
        child.stdin.write(f"{job_path}\n".encode())
        child.stdin.close()
    except OSError:  # it died meanwhile
        child.kill()
        return None
    return child
