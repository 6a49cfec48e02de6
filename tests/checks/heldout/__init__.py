"""Held-out learner code for measuring the checkpoints' diagnosis (see README.md).

Nothing in dlkit is written from these implementations: they measure it.
"""
