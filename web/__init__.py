"""The Flask front end: an HTML upload form and reader, and the JSON API."""

from __future__ import annotations

from web.app import create_app

__all__ = ["create_app"]
