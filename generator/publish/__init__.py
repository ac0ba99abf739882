"""Handing pages to the world outside.

In: checked content and its pages. Out: files — rendered Markdown, the ProperDocs build and its hook (the only
module that imports the site builder), the folder any builder builds without the hook, the offline zip, the PDF,
the open data and JSON-LD. May import `pages` and `content`; only the command line imports it.
"""
