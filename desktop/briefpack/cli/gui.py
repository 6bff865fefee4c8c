"""`briefpack gui [PROJECT] [--screenshot FILE.png]`: open the window (the one command that loads Qt)."""

from __future__ import annotations

import argparse
from briefpack.gui.app import run_gui


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", nargs="?", help="a .briefpack project; default: the sample project")
    p.add_argument("--screenshot", metavar="FILE.png", help="render the window offscreen to a PNG and exit")


def run(args: argparse.Namespace) -> int:

    return run_gui(project=args.project, screenshot=args.screenshot)
