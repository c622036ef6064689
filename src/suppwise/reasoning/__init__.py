"""Reasoning over the evidence base: grading, signed mechanism paths and verdicts."""
