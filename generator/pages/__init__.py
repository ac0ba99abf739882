"""Turning checked content into reader pages.

In: a checked `Content`. Out: `Page`s ({path: template and view}), the linker that knows where every entity
lives, and the Jinja templates. Never touches files, MkDocs or a browser. Imports `content` only; `publish` and
the command line import it.
"""
