"""Handing pages to the world outside.

In: checked content and its pages. Out: files — rendered Markdown, the MkDocs build and its hooks (the only
module that imports MkDocs), the offline zip, the PDF, the open data and JSON-LD. May import `pages` and
`content`; only the command line imports it.
"""
