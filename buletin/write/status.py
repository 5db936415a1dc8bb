"""The status file of the live preview: the last build's problems, which the preview script shows on every page."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Problem

STATUS_PATH = "__buletin__/status.json"


def write_status(site_folder: Path, problems: list[Problem]) -> None:
    """The problems of the last build, for the preview script in the pages (an empty list clears them)."""
    status = site_folder / STATUS_PATH
    status.parent.mkdir(parents=True, exist_ok=True)
    data = {"problems": [{"file": p.file, "line": p.line, "field": p.field, "message": p.message,
                          "suggestion": p.suggestion, "text": p.format()} for p in problems]}
    status.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
