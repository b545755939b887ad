"""The combinators chapter (spec/combinators.md): asyncio.gather, shield, wait_for, wait and timeout over children
the machines complete and cancel, on a loop whose clock they advance — the shared machinery, one machine per
combinator, the tours."""
