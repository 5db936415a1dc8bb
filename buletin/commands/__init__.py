"""The commands: each a verb, with its arguments, its run() and the work only it does.

Rules of this package: a command reads the site through the pipeline (and
takes from a stage only what it alone needs: the load stage's discovery and
readers, the related stage's explanations), never writes output/ itself
(build does, through the write stage), and writes into content/ only when it
is asked to create a file there (new, import, init), never over one that
exists.

Its modules: build, serve (with preview, the live preview's server), new,
check (with lint, the editorial rules), importer (`import`), related (`related
SLUG`), init, and arguments (the options they share).
"""
