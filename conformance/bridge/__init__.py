"""The bridges chapter (spec/bridges.md): wrap_future, run_coroutine_threadsafe and run_in_executor — what must
arrive on the other side, the machine that checks it, its instruments and its tour."""
