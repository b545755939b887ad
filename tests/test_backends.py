"""The third-party backends' adapters (loky, futurist, pebble, rloop, trio-asyncio, gevent, dask, mpi4py, executorlib,
the taskgroup and async-timeout backports): listed by name, imported only when chosen, and, when their library is
missing, refused with exit status 2 and one line naming the package to install (mpi4py: also when mpiexec, which
spawns its workers, is not on PATH). Each case runs in a subprocess, with the library hidden (a module of its name
first on PYTHONPATH raises ImportError, in the supervised child too) or merely not imported."""
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = {"loky": "loky", "loky-process": "loky", "futurist-thread": "futurist", "futurist-process": "futurist",
            "futurist-sync": "futurist", "pebble-thread": "pebble", "pebble-process": "pebble",
            "rloop": "rloop", "rloop-task": "rloop", "rloop-bridge": "rloop", "trio-asyncio": "trio_asyncio",
            "trio-asyncio-task": "trio_asyncio", "trio-asyncio-bridge": "trio_asyncio",
            "gevent-thread": "gevent", "dask": "distributed", "dask-executor": "distributed",
            "dask-processes": "distributed", "mpi4py": "mpi4py", "executorlib": "executorlib",
            "interpreter-pool": "interpreters_backport", "taskgroup": "taskgroup",
            "async-timeout": "async_timeout"}  # adapter: its module
PACKAGES = {"trio_asyncio": "trio-asyncio", "async_timeout": "async-timeout",
            "interpreters_backport": "interpreters-pep-734"}  # module: its distribution, if not it


def _python(code, env=None):
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)


def test_every_backend_is_listed():
    listed = _python("from conformance.cli import main; main(['--list-adapters'])").stdout.split()
    assert set(BACKENDS) <= set(listed)


def test_no_backend_library_is_imported_until_chosen():
    found = _python("import sys; from conformance import cli, loading; loading.available(); "
                    f"print(sorted(m for m in {sorted(set(BACKENDS.values()))} if m in sys.modules))")
    assert found.stdout.strip() == "[]", found.stderr


def test_no_backend_library_is_a_dependency():
    pyproject = (ROOT / "pyproject.toml").read_text()
    dependencies = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert not any(PACKAGES.get(module, module) in dependencies for module in set(BACKENDS.values()))


@pytest.mark.parametrize("adapter, module", sorted(BACKENDS.items()))
def test_a_missing_library_is_one_line_and_exit_2(adapter, module, tmp_path):
    package = PACKAGES.get(module, module)
    (tmp_path / f"{module}.py").write_text(f"raise ImportError('no module named {module} (hidden by the test)')\n")
    paths = [str(tmp_path), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    done = _python(f"import sys; from conformance.cli import main; sys.exit(main(['--adapter', {adapter!r}]))",
                   env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)})
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and f"pip install {package}" in lines[0] and adapter in lines[0], done.stderr
    assert done.stdout == ""


@pytest.mark.skipif(importlib.util.find_spec("mpi4py") is None, reason="mpi4py is not installed here")
def test_mpi4py_without_mpiexec_is_one_line_and_exit_2(tmp_path):
    done = _python("import sys; from conformance.cli import main; sys.exit(main(['--adapter', 'mpi4py']))",
                   env={**os.environ, "PATH": str(tmp_path)})  # no mpiexec there: MPI could not spawn workers
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "mpiexec" in lines[0] and "pip install mpich" in lines[0], done.stderr


def test_dask_refuses_a_bad_max_workers_before_starting_a_cluster():
    from conformance.adapters import dask_adapter

    with pytest.raises(ValueError, match="max_workers must be at least 1"):
        dask_adapter._threads(0)
    assert dask_adapter._threads(None) >= 1
