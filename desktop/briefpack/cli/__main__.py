"""`python -m briefpack.cli`."""

import sys

from briefpack.cli import main

sys.exit(main())
