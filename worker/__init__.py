"""The Celery worker: registers baokan's tasks; the work itself lives in :mod:`shared`."""
