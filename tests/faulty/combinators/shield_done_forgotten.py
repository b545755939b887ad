"""Injects: the shield of an inner already done is a new future that nothing ever completes (the shortcut for a done
inner forgets to pass its outcome on)."""
import asyncio

from reference.combinators import Combinators

VIOLATES = {"COMB-SHIELD-2"}


class Faulty(Combinators):
    def shield(self, aw):
        inner = asyncio.ensure_future(aw)
        if inner.done():
            return inner.get_loop().create_future()  # BUG
        return super().shield(inner)


gather, shield, wait_for, wait, timeout = Faulty().functions()
