"""The tour: a fixed set of short walks that visits every cell of a profile's transition table on every run.

Hypothesis explores combinations at random; the tour guarantees a floor, so a clause is never left unchecked by
an unlucky seed and a declared deviation always gets the chance to reproduce. Each walk uses a fresh machine, so a
failing walk is already a short counterexample (the runner leaves out the steps it does not need). The walks
themselves live beside each profile's machine.
"""

from .ledger import Muted


def take(machine_class, walk, lines):
    """Run one walk on a fresh machine, writing the steps to `lines` as Hypothesis would print them. A step is
    (rule, arguments): on the walk's future for a machine of futures (or (rule, None) for a rule that takes no
    future); a machine of other things (executors, wait()) takes its steps' arguments alone."""
    machine = machine_class()
    lines.append(f"state = {machine_class.__name__}()")

    def step(line):
        lines.append(line)
        machine.context.progress.step(line)

    try:
        future = None
        if getattr(machine, "futures", None) is not None:
            step("v1 = state.new_future()")
            future = machine.new_future()
        for name, arguments in walk:
            if arguments is None:
                step(f"state.{name}()")
                getattr(machine, name)()
                continue
            on_future = {"f": future} if future is not None else {}
            shown = ", ".join(["f=v1"] * bool(on_future) + [f"{key}={value!r}" for key, value in arguments.items()])
            step(f"state.{name}({shown})")
            getattr(machine, name)(**on_future, **arguments)
    except Muted:
        pass  # a muted clause broke where nothing after it can be judged (judging.opening): the walk ends here
    finally:
        lines.append("state.teardown()")
        machine.teardown()  # a bound machine tells the progress of this step itself
