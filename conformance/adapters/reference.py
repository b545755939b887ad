"""The `reference` adapter: the project's own reference Future, which must pass every clause."""
import reference.future

from ..adapter import Adapter


class ReferenceAdapter(Adapter):
    name = "reference"
    CancelledError = reference.future.CancelledError
    TimeoutError = reference.future.TimeoutError
    InvalidStateError = reference.future.InvalidStateError

    def new_future(self):
        return reference.future.Future()
