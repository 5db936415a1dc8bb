"""The write stage: the rendered site put into the output folder, all or nothing.

Rules of this package:
- it is the only part of the engine that writes into an output folder (the
  site's output/, or the live preview's);
- a build that fails or is interrupted leaves the previous output as it was:
  files are written aside, moved in at the end, and every file they replace or
  remove goes into a journal first;
- it removes only files listed in the manifest it wrote itself, and refuses
  a folder holding files it did not make;
- it imports only the model.

Its modules: output (write_site and the checks of the output folder), journal
(undoing an update in place), paths (two outputs on one path), status (the
live preview's status file).
"""
