"""The render stage: the indexed site turned into page files, handed on one by one as they are made.

Rules of this package:
- nothing here touches output/ or .cache/: the write stage takes each file as
  it comes, so that a large site is never held in memory whole, and the cache
  is handed in (compiled templates) and out (page keys) by the pipeline;
- every value a template prints is escaped (Jinja's autoescape; JSON-LD
  through tojson; feeds through ElementTree);
- the same site gives the same bytes, in workers or not;
- it imports the model, the configuration, the languages, text and the
  runtime, and no other stage.

Its modules: plan (every file of the site, in order), pages (the Renderer),
templates (the Jinja environment and {% partial %}), keys (page keys),
jobs (worker processes), lists (pagination), body (an article's body on its
page), machine and feeds (feeds, sitemaps, robots.txt), metadata (Open Graph,
X cards, JSON-LD), static_files (files copied as they are), search_index (the
search index's format) and search (its files in a build).
"""
