"""Start a sandbox zygote without dlkit's reference: ``python -I -B boot.py FD CONFIG_JSON``.

Placeholder ``dlkit``, ``dlkit.course`` and ``dlkit.checks`` packages are put
into ``sys.modules`` first, so that importing ``dlkit.course.sandbox`` (this
folder) and ``dlkit.checks.plain`` (one file, numpy only) never runs
``dlkit/__init__.py`` or imports the checks, the specs or any reference
block (``dlkit.checks.trace``, the line tracer, is numpy only too). ``proxies.install_stand_ins`` later turns the placeholders into what
learner code sees as dlkit.
"""
import importlib.util
import json
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
COURSE = os.path.dirname(HERE)
DLKIT = os.path.dirname(COURSE)


def _placeholder(name, path=None):
    mod = types.ModuleType(name)
    mod.__path__ = [path] if path else []
    sys.modules[name] = mod
    return mod


def main():
    fd, config = int(sys.argv[1]), json.loads(sys.argv[2])
    _placeholder("dlkit")
    course = _placeholder("dlkit.course", COURSE)
    _placeholder("dlkit.checks")
    spec = importlib.util.spec_from_file_location("dlkit.checks.plain", os.path.join(DLKIT, "checks", "plain.py"))
    plain = importlib.util.module_from_spec(spec)
    sys.modules["dlkit.checks.plain"] = plain
    spec.loader.exec_module(plain)
    # the line tracer (numpy and the standard library only): the child records, the judge compares
    spec = importlib.util.spec_from_file_location("dlkit.checks.trace", os.path.join(DLKIT, "checks", "trace.py"))
    trace = importlib.util.module_from_spec(spec)
    sys.modules["dlkit.checks.trace"] = trace
    spec.loader.exec_module(trace)
    from dlkit.course.sandbox import child, isolation, protocol, proxies, zygote  # noqa: F401 - all, before hiding

    course.__path__ = []  # nothing more is importable from dlkit's folder
    zygote.zygote_main(fd, config)


if __name__ == "__main__":
    main()
