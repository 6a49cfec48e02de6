"""The ``dlkit`` command: ``dlkit release``, ``dlkit grade``, ``dlkit export``, ``dlkit report``.

Each subcommand lives in the module that does the work; that module has a
``register(subparsers)`` function that adds its parser and sets ``func``.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# subcommand -> module under dlkit.course that registers it
SUBCOMMANDS = {
    "release": "release",
    "grade": "grade",
    "export": "gradebook",
    "report": "report",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dlkit", description="dlkit course tooling")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    registered = set()
    for module_name in dict.fromkeys(SUBCOMMANDS.values()):
        try:
            module = importlib.import_module(f"dlkit.course.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"dlkit.course.{module_name}":
                raise
            continue  # not built yet
        module.register(sub)
        registered.add(module_name)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
