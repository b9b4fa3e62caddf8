"""The bundle's entry point: the ``briefdesk`` command (no arguments: the app)."""

import sys

from briefdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
