"""EXEC-INIT-2 (SHOULD) with the interpreters-pep-734 backport alone: creating an executor with an initializer that is
not callable should raise TypeError.

InterpreterPoolExecutor(initializer=42) is accepted without an error (the standard library's pools check
callable(initializer)). Exits 1 while it is accepted."""
import sys

from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

if __name__ == "__main__":
    try:
        executor = InterpreterPoolExecutor(max_workers=1, initializer=42)
    except TypeError as error:
        print(f"not reproduced: TypeError({error})")
        sys.exit(0)
    executor.shutdown()
    print("EXEC-INIT-2 reproduced: InterpreterPoolExecutor(initializer=42) was accepted")
    sys.exit(1)
