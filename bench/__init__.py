"""Benchmarks: scripts that print figures (never assertions). Run ``python -m bench.run``."""
