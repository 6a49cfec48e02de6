"""The ``dlkit`` command: ``dlkit build``, ``dlkit release``, ``dlkit grade``, ``dlkit export``, ``dlkit report``.

Each subcommand lives in the module that does the work; that module has a
``register(subparsers)`` function that adds its parser and sets ``func``.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# The modules under dlkit.course whose register() adds the subcommands:
# build (build), release (release), grade (grade), export (export), report (report).
MODULES = ("build", "release", "grade", "export", "report")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dlkit", description="dlkit course tooling")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module_name in MODULES:
        importlib.import_module(f"dlkit.course.{module_name}").register(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
