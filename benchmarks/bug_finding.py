"""Bug-finding power: every faulty implementation of the zoo (tests/faulty/; not the folders that set NEEDS, the
race-only ones that benchmarks/races_missed.py runs) run with `--exitfirst`: is it rejected,
for which clause, after how many seconds (median over seeds), and the rejection rate per chapter. The zoo's modules
each break a known clause (`VIOLATES`), so this is the suite's sensitivity, measured. `--quick` takes one seed and a
sample of the zoo. Runs go one at a time, as a developer runs the command: two at a time on two cores, each
starting two processes, made every time to the first violation about a third longer than one user would see.

As tests/test_faulty.py does: a module whose clauses all hold on other Pythons only is not run here (it is listed as
such), a module the suite cannot reject yet (KNOWN_SUITE_GAP, NEEDS) is left out, and one that breaks only SHOULD
clauses runs with `--strict`, which is how a developer fixing it would run the suite (without it, an unmet SHOULD
does not fail the run, so `--exitfirst` never stops)."""
import concurrent.futures
import importlib
import pkgutil

from conformance import clauses
from tests import faulty

from .common import command, median

SEEDS, QUICK_SEEDS = (0, 1, 2), (0,)
QUICK_SAMPLE = 8  # every 8th module of the zoo, in name order


def zoo():
    """[(chapter, module name, adapter SPEC, the clauses it violates)], as tests/test_faulty.py builds them."""
    found = []
    for folder in sorted(i.name for i in pkgutil.iter_modules(faulty.__path__) if i.ispkg):
        package = importlib.import_module(f"{faulty.__name__}.{folder}")
        if getattr(package, "NEEDS", None):
            continue  # a folder the suite cannot reject yet (tests/faulty/races/: races_missed.py measures it)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            if info.name.startswith("_"):
                continue  # a helper the faulty modules share, not one of them
            name = f"{package.__name__}.{info.name}"
            module = importlib.import_module(name)
            if getattr(module, "KNOWN_SUITE_GAP", None) or getattr(module, "NEEDS", None):
                continue
            violates = sorted(getattr(module, "VIOLATES", ()))
            found.append((folder, info.name, package.ADAPTER.format(module=name), violates))
    return found


def _one(spec, seed, settings_profile, violates):
    index = clauses.index()
    strict = ("--strict",) if all(index[cid].level == "SHOULD" for cid in violates) else ()
    measured = command("--adapter", spec, "--exitfirst", *strict, "--profile", settings_profile, "--seed", str(seed))
    report = measured["report"]["clauses"] if measured["report"] else {}
    failed = sorted(cid for cid, c in report.items() if c["verdict"] == "fail")
    return {"seed": seed, "rejected": measured["exit_status"] == 1, "failed": failed, "wall": measured["wall"],
            "cpu": measured["cpu"], "strict": bool(strict)}


def run(quick, settings_profile, jobs=1):
    modules = zoo()
    if quick:
        modules = modules[::QUICK_SAMPLE]
    seeds = QUICK_SEEDS if quick else SEEDS
    index = clauses.index()
    elsewhere = [f"{chapter}/{name}" for chapter, name, _, violates in modules
                 if not any(index[cid].holds_on() for cid in violates)]
    modules = [m for m in modules if f"{m[0]}/{m[1]}" not in elsewhere]
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        runs = {(chapter, name, seed): pool.submit(_one, spec, seed, settings_profile, violates)
                for chapter, name, spec, violates in modules for seed in seeds}
        rows = []
        for chapter, name, spec, violates in modules:
            outcomes = [runs[chapter, name, seed].result() for seed in seeds]
            rejected = [o for o in outcomes if o["rejected"]]
            failed = sorted({cid for o in rejected for cid in o["failed"]})
            rows.append({"chapter": chapter, "module": name, "violates": violates, "seeds": len(seeds),
                         "rejected": len(rejected), "clauses": failed, "expected_clause": bool(set(failed) &
                         set(violates)), "median_seconds": median([o["wall"] for o in rejected]),
                         "median_cpu_seconds": median([o["cpu"] for o in rejected]), "strict": outcomes[0]["strict"]})
    chapters = {}
    for row in rows:
        chapter = chapters.setdefault(row["chapter"], {"modules": 0, "rejected": 0})
        chapter["modules"] += 1
        chapter["rejected"] += row["rejected"] == row["seeds"]
    for chapter in chapters.values():
        chapter["rate"] = chapter["rejected"] / chapter["modules"]
    times = [row["median_seconds"] for row in rows if row["median_seconds"] is not None]
    cpu = [row["median_cpu_seconds"] for row in rows if row["median_cpu_seconds"] is not None]
    return {"settings_profile": settings_profile, "seeds": list(seeds), "sampled": quick, "modules": rows,
            "chapters": chapters, "other_pythons_only": elsewhere, "median_seconds": median(times),
            "worst_seconds": max(times, default=None), "median_cpu_seconds": median(cpu),
            "worst_cpu_seconds": max(cpu, default=None)}
