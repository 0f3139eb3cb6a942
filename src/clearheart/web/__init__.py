"""The local web app: Starlette, Jinja2 templates and vendored htmx, on 127.0.0.1 only."""
