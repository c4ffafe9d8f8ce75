"""``python -m awesomeparse``."""

import sys

from awesomeparse.cli import main

sys.exit(main(sys.argv[1:]))
