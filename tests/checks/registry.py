"""Registering catalog implementations without shadowing the names they call.

``@bug(exercise, mistake_id)`` and ``@correct(exercise)`` record a learner
implementation and then bind the module's global name back to dlkit's
reference, so that a composite in the catalog that calls ``linear_forward``
by global name (as in a notebook) gets a correct helper.
"""
import dlkit

BUGGY = []     # (exercise, mistake id, function)
CORRECT = []   # (exercise, function)


def bug(exercise, mistake_id):
    def register(fn):
        BUGGY.append((exercise, mistake_id, fn))
        return getattr(dlkit, fn.__name__, fn)
    return register


def correct(exercise):
    def register(fn):
        CORRECT.append((exercise, fn))
        return getattr(dlkit, fn.__name__, fn)
    return register
