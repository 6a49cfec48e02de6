"""The round-15 registry (README.md, "Round 15"): the same ``@bug`` / ``@correct`` as
registry.py, into lists of their own, so that each round is counted separately.
"""
from .registry import registry

BUGS, CORRECT, bug, correct = registry()
