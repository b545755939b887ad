"""EXEC-SUBMIT-4 with executorlib alone: submit() must pass every keyword argument to the call, `fn` and `self`
included.

SingleNodeExecutor.submit(fn, /, *args, **kwargs) takes fn positionally only, but hands the call on to its dependency
scheduler, whose submit(self, fn, *args, resource_dict=None, **kwargs) does not: submit(f, 1, fn=2) raises TypeError
("got multiple values for argument 'fn'"). Exits 1 while it does."""
import sys

from executorlib import SingleNodeExecutor


def arguments(*args, **kwargs):
    return args, kwargs


if __name__ == "__main__":
    with SingleNodeExecutor(max_workers=1) as executor:
        try:
            result = executor.submit(arguments, 1, fn=2, self=3).result(timeout=60)
        except TypeError as error:
            print(f"submit(arguments, 1, fn=2, self=3) raised TypeError({error})")
            sys.exit(1)
    print("submit(arguments, 1, fn=2, self=3).result() returned", result)
    sys.exit(0 if result == ((1,), {"fn": 2, "self": 3}) else 1)
