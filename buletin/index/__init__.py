"""The index stage: the bulletins this build publishes, grouped into every list a page shows.

Rules of this package: pure (no input or output); it takes the loaded
bulletins and campaigns and gives a Site of the model, or the problems found
across files; it imports the model and the configuration, and no other stage.

Its modules: site (what is published, grouped by region, tag, reporter, month
and campaign), checks (what no single file can tell is wrong).
"""
