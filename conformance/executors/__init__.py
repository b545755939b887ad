"""The executors chapter (spec/executors.md): executors driven through gated calls, and wait()/as_completed() over
futures the machine completes — their models, machines, tours and the executor's fixed scenarios."""
