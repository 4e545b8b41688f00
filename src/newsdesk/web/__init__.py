"""Read-only web UI (FastAPI + Jinja2, autoescaped, bound to 127.0.0.1 by default)."""

from newsdesk.web.app import create_app, marked_raw

__all__ = ["create_app", "marked_raw"]
