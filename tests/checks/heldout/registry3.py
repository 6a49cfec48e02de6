"""The round-3 registry (README.md, "Round 3"): the same ``@bug`` / ``@correct`` as
registry.py, into lists of their own, so that each round is counted separately.
"""
import dlkit

from .registry import Bug, Correct, _key

BUGS = []
CORRECT = []


def bug(exercise, mistake, named, contract=None):
    def register(fn):
        BUGS.append(Bug(exercise, fn, mistake, list(named), contract, _key(exercise, fn)))
        return getattr(dlkit, fn.__name__, fn)
    return register


def correct(exercise, why):
    def register(fn):
        CORRECT.append(Correct(exercise, fn, why, _key(exercise, fn)))
        return getattr(dlkit, fn.__name__, fn)
    return register
