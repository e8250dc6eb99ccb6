"""Entry point for `python -m tipkb`."""

import sys

from tipkb.cli import main

sys.exit(main())
