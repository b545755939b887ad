"""The controlled scheduler (an engine, not a spec chapter): it runs the threads of a scenario one at a time and
decides, at every line of the implementation's own code and at every operation on its locks, conditions and events,
which thread runs next. A thread race becomes an input — a schedule — that Hypothesis draws, shrinks and replays.

scheduler.py runs threads under a schedule; primitives.py gives the implementation cooperative locks, conditions and
events for the duration of a scenario; strategies.py chooses the schedules (PCT, bounded-preemption search)."""
