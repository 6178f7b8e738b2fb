"""The dashboard and REST API (``peacetalks serve``): FastAPI, server-rendered pages, inline
SVG charts and a small bundled script; no asset comes from anywhere but the server itself.
Needs the ``[web]`` extra. Pages and endpoints: docs/web.md."""

from peacetalks.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
