"""Injects: gather() without children returns a future that never completes."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-GATHER-7"}


class Faulty(Combinators):
    def gather(self, *aws, return_exceptions=False):
        if not aws:
            return asyncio.get_running_loop().create_future()  # BUG
        return super().gather(*aws, return_exceptions=return_exceptions)


gather, shield, wait_for, wait, timeout = Faulty().functions()
