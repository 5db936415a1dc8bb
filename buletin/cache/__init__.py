"""The build cache in .cache/: earlier results, by the hash of what they were made from.

Rules of this package:
- it is the only part of the engine that writes into .cache/ (the live
  preview's output folder, .cache/preview/site, is the write stage's);
- every file carries the fingerprint of the engine's code and of the
  configuration, so a change to either starts over; a damaged or foreign file
  is ignored, never trusted, and the build simply does the work;
- the stages do not know it: the pipeline hands them what they may reuse and
  keeps what they made; it imports the model, the configuration and the runtime only.

Its modules: folder (BuildCache, the stores together), store (the pickled
files), bulletins (parsed bulletins), ranking (the related ranking and the
stems), pages (page keys and the last build), pictures (smaller copies),
templates (compiled templates).
"""
