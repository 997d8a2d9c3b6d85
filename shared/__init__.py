"""Domain code of baokan shared by the web front end and the worker.

Nothing in this package imports :mod:`web` or :mod:`worker`.
"""
