"""The zoo: faulty implementations, one bug each, that the conformance suite must reject (see tests/test_faulty.py).

One folder per spec chapter, named as the chapter's package in conformance/. Each folder's __init__ says how its
modules are checked: `PROFILE` (the spec profile), `ADAPTER` (the adapter spec of a module, `{module}` standing for
its dotted name), `SKIP_MACHINES` (machines its modules need not go through) and `MINIMUM` (how many modules, known
suite gaps aside, the folder must hold)."""
