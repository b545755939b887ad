"""Crash-isolation overhead: the same run of `reference` in a supervised child (the default) and `--in-process`.
The child streams every step and call to its parent; this is what that safety costs, as a ratio of wall times."""
from .common import command, median


def run(quick, settings_profile):
    repeats = 3
    times = {"isolated": [], "in_process": []}
    for _ in range(repeats):
        base = ("--adapter", "reference", "--profile", settings_profile, "--seed", "0")
        times["isolated"].append(command(*base)["wall"])
        times["in_process"].append(command(*base, "--in-process")["wall"])
    isolated, in_process = median(times["isolated"]), median(times["in_process"])
    return {"adapter": "reference", "settings_profile": settings_profile, "repeats": repeats,
            "isolated": isolated, "in_process": in_process, "ratio": isolated / in_process}
