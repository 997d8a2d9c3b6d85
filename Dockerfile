# One image for the web front end and the worker; the command picks the role.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY shared ./shared
COPY web ./web
COPY worker ./worker
# The worker runs with -OO (shared/cli.py): bytecode without docstrings, compiled here once.
RUN pip install . && python -OO -m compileall -qq /usr/local/lib/python3.11 \
    && useradd --create-home baokan
USER baokan
EXPOSE 8000
CMD ["baokan", "web", "--host", "0.0.0.0", "--port", "8000"]
