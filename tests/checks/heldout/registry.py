"""Recording held-out learner implementations.

``@bug(exercise, mistake, named, contract=None)`` records a buggy implementation
with the plain-English statement of its actual mistake and the regexes (any
one, case-insensitive) that a report's specific text must match for the
mistake to count as named (see README.md and scoring.py). ``@correct(exercise,
why)`` records an implementation that must pass.

Like tests/checks/registry.py, each decorator binds the module's global name
back to dlkit's reference, so a composite further down the module that calls
``linear_forward`` by global name (as in a notebook) gets a correct helper.
"""
import re
from dataclasses import dataclass, field

import dlkit


@dataclass
class Bug:
    exercise: str
    fn: object
    mistake: str                 # what a good report should name, in plain English
    named: list                  # regexes; the report's specific text must match one
    contract: str = None         # set when the verdict depends on a notebook/checkpoint contract choice (issue 12, item 5)
    key: str = field(default="")

    def __post_init__(self):
        for pattern in self.named:
            re.compile(pattern)


@dataclass
class Correct:
    exercise: str
    fn: object
    why: str
    key: str = field(default="")


def _key(exercise, fn):
    module = fn.__module__.rsplit(".", 1)[-1]
    return f"{exercise}@{module}:{fn.__code__.co_firstlineno}"


def registry():
    """``(BUGS, CORRECT, bug, correct)``: two lists and the decorators that fill them.
    Each round has its own, so that each is counted separately."""
    bugs, corrects = [], []

    def bug(exercise, mistake, named, contract=None):
        def register(fn):
            bugs.append(Bug(exercise, fn, mistake, list(named), contract, _key(exercise, fn)))
            return getattr(dlkit, fn.__name__, fn)
        return register

    def correct(exercise, why):
        def register(fn):
            corrects.append(Correct(exercise, fn, why, _key(exercise, fn)))
            return getattr(dlkit, fn.__name__, fn)
        return register

    return bugs, corrects, bug, correct


BUGS, CORRECT, bug, correct = registry()   # round 1


# Phrases shared by several bugs (a report naming the concept in any of these words counts).
IN_PLACE = [r"in place", r"changed (its|your) input", r"modif(y|ies|ied) (its|the|your) input", r"\.copy\(\)"]
OVERFLOW = [r"overflow", r"large \|?Z\|?", r"numerically (un)?stable", r"exp\(\S*\) (is|becomes|gives) inf"]
ELEMENTWISE = [r"entry by entry", r"element-?wise", r"np\.multiply", r"not a matrix product", r"matrix product"]
# the activations' backward equations already say "entry by entry": only the other words count there
ELEMENTWISE_NOT_EQUATION = [r"element-?wise", r"np\.multiply", r"not a matrix product", r"matrix product", r"np\.dot"]
MATH_MODULE = [r"\bmath\.", r"\bmath module", r"python'?s (own )?(exp|log|math)", r"np\.(exp|log) (works|applies) entry"]
INTEGER = [r"integer", r"//", r"floor", r"truncat", r"rounded"]
UNPACK = [r"unpack", r"(in )?the wrong order", r"in this order"]
