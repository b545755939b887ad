"""Crash-isolation overhead: the same run of `reference` in one supervised child (FUTURESPEC_LANES=1) and
`--in-process`. The child streams every step and call to its parent; this is what that safety costs, as a ratio of
wall times. The default, a run split in lanes (a child for the race machine beside one for the rest), is timed too:
the ratio it gains."""
from .common import command, median


def run(quick, settings_profile):
    repeats = 3
    times = {"isolated": [], "in_process": [], "lanes": []}
    for _ in range(repeats):
        base = ("--adapter", "reference", "--profile", settings_profile, "--seed", "0")
        times["isolated"].append(command(*base, env={"FUTURESPEC_LANES": "1"})["wall"])
        times["in_process"].append(command(*base, "--in-process")["wall"])
        times["lanes"].append(command(*base)["wall"])
    isolated, in_process, lanes = (median(times[key]) for key in ("isolated", "in_process", "lanes"))
    return {"adapter": "reference", "settings_profile": settings_profile, "repeats": repeats,
            "isolated": isolated, "in_process": in_process, "ratio": isolated / in_process,
            "lanes": lanes, "lanes_ratio": lanes / in_process}
