"""The result files: where each lives, what it holds beyond the run's JSON report, and reading them all back.

A result file is `python -m conformance --adapter SPEC --json` output, kept as `py<X.Y>/<adapter>.json` for the
standard library (its version is the Python version) and `py<X.Y>/<adapter>-<version>.json` for anything else, so
each file stands for one (implementation, implementation version, Python version). Two things are added: the SPEC
the run was given (what reproduces it), and each clause's link made relative to the file, so a results/ folder in a
checkout links to its spec/ on any machine.
"""
import json
import os
import re
from pathlib import Path

from .. import clauses


class ResultError(Exception):
    """A results folder holds a file that is not a result file: the message says which and why, in one line."""


def minor(python):
    """'3.11.7' -> '3.11'."""
    return ".".join(python.split(".")[:2])


def relative_path(data):
    """Where a run's result file goes inside the results folder."""
    adapter, python = data["adapter"], data["python"]
    stem = re.sub(r"[^A-Za-z0-9._+-]", "_", adapter["name"])
    version = adapter.get("version") or "unknown"
    if version != python:
        stem += f"-{re.sub(r'[^A-Za-z0-9._+-]', '_', version)}"
    return Path(f"py{minor(python)}") / f"{stem}.json"


def document_of(url):
    """The spec document a clause link points into: 'future.md' for '…/future.md#CF-SET-3'."""
    return url.split("#", 1)[0].rsplit("/", 1)[-1]


def normalized(data, spec, folder):
    """The run's report as kept in `folder`: with the SPEC it ran, and clause links relative to `folder`."""
    data = dict(data, spec=spec)
    data["clauses"] = {cid: dict(entry, url=clauses.link(document_of(entry["url"]), cid, start=folder))
                       for cid, entry in data["clauses"].items()}
    return data


def write(path, data):
    write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_text(path, text):
    """Write atomically: concurrent matrix runs (tox -p) may render while another writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def load_all(folder):
    """Every result file under `folder`, as (path relative to folder, data), ordered by Python version, then name."""
    folder = Path(folder)
    found = []
    for path in sorted(folder.glob("py*/*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ResultError(f"{path}: cannot read it as JSON: {error}") from None
        if not (isinstance(data, dict) and isinstance(data.get("clauses"), dict) and isinstance(data.get("python"), str)
                and isinstance(data.get("adapter"), dict) and "name" in data["adapter"]):
            raise ResultError(f"{path}: not a futurespec result file (no adapter, python or clauses)")
        found.append((path.relative_to(folder), data))
    return sorted(found, key=lambda item: (_version_key(item[1]["python"]), item[1]["adapter"]["name"],
                                           str(item[0])))


def _version_key(version):
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))
