"""Course tooling: release student notebooks, grade submissions, the ``dlkit`` command.

Imports nbformat, nbclient and sqlite3 lazily, inside the functions that need them.
"""
