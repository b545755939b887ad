"""`python -m conformance`: see cli.py. The spare child (spare.py) starts before the suite is imported."""
import sys

from . import spare

spare.start(sys.argv[1:])

from .cli import main  # noqa: E402  (after the spare has started)

sys.exit(main())
