"""Let ``python -m briefdesk`` run the command line."""

import sys

from briefdesk.cli import main

sys.exit(main())
