"""``python -m claims``: the command line."""

import sys

from claims._cli import main

sys.exit(main())
