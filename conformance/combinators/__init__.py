"""The combinators chapter (spec/combinators.md): asyncio.gather, shield and wait_for over children the machines
complete and cancel, on a loop whose clock they advance — the shared machinery, one machine per combinator, the
tour."""
