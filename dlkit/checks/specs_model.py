"""Specs for the model-level exercises (filled in below)."""
SPECS = []
