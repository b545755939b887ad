"""The Future chapter (spec/future.md): the core state machine and the `cf` profile of concurrent.futures.Future —
its model (the transition table and the serial orders racing operations may take), its machine and its tour."""
