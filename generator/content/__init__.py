"""Reading and checking the content.

In: the YAML files of `content/`. Out: a checked `Content` (every entity as its model) and located `Issue`s,
plus what is derived from the models alone (JSON Schema, scaffolds, fingerprints). Imports nothing else of the
generator; `pages`, `publish` and the command line import it.
"""
