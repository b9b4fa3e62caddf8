"""The pure-Python core shared by the command line, the tests and the GUI.

Nothing under this package imports Qt; an import-linter contract in pyproject.toml holds it.
"""
