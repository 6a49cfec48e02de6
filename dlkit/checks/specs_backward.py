"""Specs for the backward blocks (filled in below)."""
SPECS = []
