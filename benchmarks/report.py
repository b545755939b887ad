"""benchmarks/results.md: the results of benchmarks/run.py as Markdown tables, the machine first."""


def _s(seconds):
    return "—" if seconds is None else f"{seconds:.1f}"


def markdown(results):
    m = results["machine"]
    out = ["# Benchmark results", "",
           f"{'Quick run' if results['quick'] else 'Full run'} of `python benchmarks/run.py"
           f"{' --quick' if results['quick'] else ''}`, {m['date']}: {m['cpus']} CPUs, {m['implementation']} "
           f"{m['python']}, {m['platform']} ({m['processor']}).{' ' + m['note'] if m.get('note') else ''}", ""]
    if "throughput" in results:
        t = results["throughput"]
        null = t["null"]
        out += [f"## Throughput (settings `{t['settings_profile']}`)", "",
                "Ratio to the twins: the time each machine's *null twin* (its rules, arguments and settings, with "
                "bodies that do nothing) takes to draw the steps the search drew, over the time the search took. "
                f"The bare null machine (three rules that do nothing): {null['steps_per_second']:.0f} steps/s.", ""]
        if "median_ratio_to_twins" in t:
            out += [f"Median ratio to the twins: {t['median_ratio_to_twins']:.2f}.", ""]
        out += ["The race machines (RaceMachine, BridgeRaceMachine) explore a scenario under up to 122 schedules per "
                "step, by design: their ratio is a column of its own (*race machines*), the adapter's is its other "
                "machines'; benchmarks/races.py measures them in schedules per second.", ""]
        out += ["| adapter | search steps | search s | steps/s | ratio to twins | race machines | ratio to null | "
                "per machine: steps/s (twin's) |", "|---|---:|---:|---:|---:|---:|---:|---|"]
        out += [f"| {r['adapter']} | {r['steps']} | {_s(r['wall'])} | {r['steps_per_second']:.0f} | "
                f"{_ratio(r.get('ratio_to_twins'))} | {_ratio(r.get('explorers_ratio_to_twins'))} | "
                f"{r['ratio_to_null']:.3f} | "
                + "; ".join(f"{m['machine']} {m['steps_per_second']:.0f} ({m['twin_steps_per_second']:.0f})"
                            for m in r.get("machines", ())) + " |" for r in t["adapters"]]
        out.append("")
    if "cost" in results:
        out += ["## Cost of the default settings (`ci`, isolated, the whole command)", "",
                "| adapter | wall s | CPU s | exit |", "|---|---:|---:|---:|"]
        out += [f"| {r['adapter']} | {_s(r['wall'])} | {_s(r['cpu'])} | {r['exit_status']} |"
                for r in results["cost"]["adapters"]]
        out.append("")
        if results["cost"].get("by_chapter"):
            out += ["Per spec chapter (in-process: the machines' tours and searches, not the command's start-up):",
                    "",
                    "| adapter | per chapter: s | per machine: s |", "|---|---|---|"]
            out += [f"| {r['adapter']} | " + "; ".join(f"{c} {_s(s)}" for c, s in r["chapters"].items()) + " | "
                    + "; ".join(f"{m} {_s(s)}" for m, s in r["machines"].items()) + " |"
                    for r in results["cost"]["by_chapter"]]
            out.append("")
    if "bug_finding" in results:
        b = results["bug_finding"]
        out += [f"## Bug-finding power (`--exitfirst`, settings `{b['settings_profile']}`, seeds "
                f"{', '.join(map(str, b['seeds']))}{', a sample of the zoo' if b['sampled'] else ''})", "",
                "| chapter | modules | rejected on every seed | rate |", "|---|---:|---:|---:|"]
        out += [f"| {name} | {c['modules']} | {c['rejected']} | {c['rate']:.0%} |" for name, c in b["chapters"].items()]
        if b.get("median_seconds") is not None:
            out += ["", f"Time to the first violation (the whole command, isolated): median "
                        f"{b['median_seconds']:.1f} s over the modules' medians, worst {b['worst_seconds']:.1f} s"
                        + (f"; the CPU time of the command's processes, which a loaded machine does not inflate: "
                           f"median {b['median_cpu_seconds']:.1f} s, worst {b['worst_cpu_seconds']:.1f} s"
                           if b.get("median_cpu_seconds") is not None else "")
                        + ". A module breaking only SHOULD clauses runs with `--strict` (marked *strict*)."]
        if b.get("other_pythons_only"):
            out += ["", "Not run here (their clauses hold on other Pythons only): "
                        + ", ".join(b["other_pythons_only"]) + "."]
        out += ["", "| faulty module | rejected (seeds) | for | the clause it breaks among them | median s | "
                    "median CPU s |", "|---|---:|---|---|---:|---:|"]
        out += [f"| {r['chapter']}/{r['module']}{' *strict*' if r.get('strict') else ''} "
                f"| {r['rejected']}/{r['seeds']} "
                f"| {', '.join(r['clauses']) or '—'} | {'yes' if r['expected_clause'] else 'no'} | "
                f"{_s(r['median_seconds'])} | {_s(r.get('median_cpu_seconds'))} |" for r in b["modules"]]
        out.append("")
    if "isolation_overhead" in results:
        i = results["isolation_overhead"]
        out += [f"## Crash-isolation overhead (`{i['adapter']}`, settings `{i['settings_profile']}`, median of "
                f"{i['repeats']})", "", f"Isolated in one child {_s(i['isolated'])} s, `--in-process` "
                f"{_s(i['in_process'])} s: ratio **{i['ratio']:.2f}**."
                + (f" Split in lanes (the default on two cores) {_s(i['lanes'])} s: ratio {i['lanes_ratio']:.2f}."
                   if "lanes" in i else ""), ""]
    if "parallel" in results:
        p = results["parallel"]
        out += [f"## Parallel runs (two at once against one at a time, {p['cpus']} CPUs)", "",
                "| workload | one at a time s | two at once s | ratio | exit statuses |", "|---|---:|---:|---:|---|"]
        out += [f"| {w['workload']} | {_s(w['serial'])} | {_s(w['parallel'])} | {w['ratio']:.2f} | "
                f"{', '.join(map(str, w['exit_statuses']))} |" for w in p["workloads"]]
        out.append("")
    if "races" in results:
        r = results["races"]
        out += ["## The controlled scheduler (race scenarios)", "",
                "| adapter | tour schedules | s | schedules/s | ms per run, traced | untraced | tracing ratio |",
                "|---|---:|---:|---:|---:|---:|---:|"]
        out += [f"| {a['adapter']} | {a['schedules']} | {_s(a['seconds'])} | {a['schedules_per_second']:.0f} | "
                f"{a['traced_ms']:.2f} | {a['untraced_ms']:.2f} | {a['tracing_ratio']:.2f} |" for a in r["adapters"]]
        out += ["", f"Time to the first violation (`--exitfirst`, `ci`, seeds {', '.join(map(str, r['seeds']))}): "
                f"median {_s(r['median_seconds'])} s, worst {_s(r['worst_seconds'])} s.", "",
                "| race-only module | clauses | median s | worst s |", "|---|---|---:|---:|"]
        out += [f"| races/{m['module']} | {', '.join(m['clauses']) or '—'} | {_s(m['median_seconds'])} | "
                f"{_s(m['worst_seconds'])} |" for m in r["modules"]]
        out.append("")
    return "\n".join(out)


def _ratio(value):
    return "—" if value is None else f"{value:.2f}"
