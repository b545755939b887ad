"""Cost of the default settings (`ci`) per adapter: wall and CPU seconds of the whole command, crash isolation
included, as a user pays them in CI. CPU seconds are those of the child processes (the supervised run and what it
starts), so a value above wall means the run used more than one core."""
from .common import command

ADAPTERS = ("reference", "reference-asyncio", "reference-bridge", "stdlib", "stdlib-thread", "stdlib-process",
            "asyncio", "asyncio-py", "asyncio-task", "asyncio-task-py", "asyncio-bridge")
QUICK = ("reference", "stdlib", "asyncio")


def run(quick):
    rows = []
    for spec in QUICK if quick else ADAPTERS:
        measured = command("--adapter", spec, "--profile", "ci", "--seed", "0")
        rows.append({"adapter": spec, "wall": measured["wall"], "cpu": measured["cpu"],
                     "exit_status": measured["exit_status"]})
    return {"settings_profile": "ci", "adapters": rows}
