"""`rashomon watch`: follow feeds, news sitemaps and OPML lists, fetch the linked pages, add them.

One poll reads every source (`feeds.py` turns a document into links), fetches the links not seen
before (`fetch.py`: polite HTTP with robots.txt, per-host limits, retries and caps), and adds the
pages to the store through `adding.add_to_store` (`loop.py`: `poll`, `watch`). What it did is kept
in the store's own `watch_*` tables (`state.py`), so a restart fetches nothing twice and loses
nothing. Nothing is imported here: `rashomon --help` must not load httpx and the pipeline.
"""
