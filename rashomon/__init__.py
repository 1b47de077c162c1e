"""Rashomon: reads the news the way a careful analyst does.

Python API: `rashomon.pipeline.run(paths)` returns a `RunResult` (`.brief`, `.articles`,
`.rejected`); `rashomon.adding.add_to_store` keeps articles in a store between runs;
`rashomon.render` writes a brief as JSON, Markdown or HTML.
"""

__version__ = "0.1.0"
