"""The ``briefpack`` command line: parse, tag, build and export without the window.

Subcommands are a table (``COMMANDS``) of small modules, each with ``NAME``,
``HELP``, ``configure(parser)`` and ``run(args) -> int``, thin wrappers over
the same core functions the GUI calls. A subcommand's module is imported
only when it runs (the table names modules, not objects), so ``briefpack
parse`` never loads Qt or reportlab. Warnings go to standard error; exit
status 2 means the input could not be read.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from briefpack import __version__

# name -> (module, one-line help); the order is the order `--help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("briefpack.cli.parse", "parse one article and print what was found"),
    "import": ("briefpack.cli.import_", "import files, folders or standard input (-) into a project"),
    "themes": ("briefpack.cli.themes", "print how many paragraphs of each source speak to each theme"),
    "analyze": ("briefpack.cli.analyze", "print entities, timeline, figures, corroboration and themes across articles"),
    "build": ("briefpack.cli.build", "build a cited brief and export it"),
    "gui": ("briefpack.cli.gui", "open the window"),
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; only the subcommand named in ``argv`` (if any) has its module imported and its options added."""
    parser = argparse.ArgumentParser(
        prog="briefpack", description="Turn news articles into cited briefing documents (PDF and Word)."
    )
    parser.add_argument("--version", action="version", version=f"briefpack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    wanted = next((a for a in (argv or []) if not a.startswith("-")), None)
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name == wanted:
            module = importlib.import_module(module_name)
            module.configure(p)
            p.set_defaults(func=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    return args.func(args)
