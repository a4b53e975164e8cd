"""`python -m vbestuur_store …` (see cli.py)."""

import sys

from vbestuur_store.cli import main

sys.exit(main())
