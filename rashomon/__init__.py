"""Rashomon: reads the news the way a careful analyst does.

Python API: `rashomon.pipeline.run(paths)` returns the `Brief` and the cleaned articles;
`rashomon.render` writes it as JSON, Markdown or HTML.
"""

__version__ = "0.1.0"
