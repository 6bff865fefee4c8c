"""The bundled program's entry point: a subcommand or ``--version``/``--help`` runs the command line, anything else opens the window.

An installed briefpack is started by a double click (no arguments), by
opening a ``.briefpack`` file (its path as the one argument) or from a
terminal (``briefpack build ...``); one executable serves all three, so the
file association and the command line name the same program. PyInstaller
builds it from ``packaging/briefpack.spec``.
"""

from __future__ import annotations

import multiprocessing
import sys

from briefpack.cli import COMMANDS
from briefpack.cli import main as cli_main

CLI_OPTIONS = ("-h", "--help", "--version")


def main(argv: list[str]) -> int:
    if argv and (argv[0] in COMMANDS or argv[0] in CLI_OPTIONS):
        return cli_main(argv)
    from briefpack.gui.app import main as gui_main  # Qt is loaded only for the window

    return gui_main(argv)


if __name__ == "__main__":
    # A worker process of the import or the preview starts this executable again; in it, this call
    # runs the worker's code (PyInstaller's hook extends it to the fork server on Linux) and exits.
    multiprocessing.freeze_support()
    sys.exit(main(sys.argv[1:]))
