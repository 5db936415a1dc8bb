"""The load stage: the content folder read into checked bulletins and campaigns.

Rules of this package:
- it is the only part of the engine that reads content/ (the write stage copies
  the files it lists, unread);
- every problem of every file is collected, each with its file, line, field and
  a suggestion; a file with problems gives no bulletin, the others still load;
- it hands on model records only (Article, Campaign, Picture, LoadResult);
- it imports the model, the configuration, text and the runtime, and no other stage.

Its modules: content (the whole folder, with the cache and worker processes),
discover (which files), frontmatter (YAML), fields (the one field table and
reader of bulletins and campaigns), bulletin and campaign (one file each),
markdown with markdown_fast (its fast paths), sanitize and typography (the
body's HTML), references (files a bulletin refers to), pictures (the pictures
and their smaller copies).
"""
