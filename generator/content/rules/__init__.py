"""Rules over the whole content set, one concern per module; `references.check_references` runs them all.

In: a `Content` whose files passed the schema. Out: located `Issue`s. Imports the rest of `content` only.
"""
