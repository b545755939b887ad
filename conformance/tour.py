"""The tour: a fixed set of short walks that visits every cell of a profile's transition table on every run.

Hypothesis explores combinations at random; the tour guarantees a floor, so a clause is never left unchecked by
an unlucky seed and a declared deviation always gets the chance to reproduce. Each walk uses a fresh machine, so a
failing walk is already a short counterexample. The walks themselves live beside each profile's machine.
"""


def take(machine_class, walk, lines):
    """Run one walk on a fresh machine, writing the steps to `lines` as Hypothesis would print them. A step is
    (rule, arguments) on the walk's future, or (rule, None) for a rule that takes no future."""
    machine = machine_class()
    lines.append("state = Machine()")
    try:
        lines.append("v1 = state.new_future()")
        future = machine.new_future()
        for name, arguments in walk:
            if arguments is None:
                lines.append(f"state.{name}()")
                getattr(machine, name)()
                continue
            shown = ", ".join(["f=v1"] + [f"{key}={value!r}" for key, value in arguments.items()])
            lines.append(f"state.{name}({shown})")
            getattr(machine, name)(f=future, **arguments)
    finally:
        lines.append("state.teardown()")
        machine.teardown()
