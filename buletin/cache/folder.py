"""BuildCache: a site's .cache/ folder, one store per kind of thing a rebuild can reuse."""

from __future__ import annotations

from pathlib import Path

from ..config import SiteConfig
from .bulletins import BulletinCache
from .pages import PageCache
from .pictures import PictureCopyStore
from .ranking import RankingCache
from .store import Store
from .templates import CompiledTemplates


class BuildCache:
    """What earlier builds left in .cache/, read when first asked for and written when the build has made it."""

    def __init__(self, folder: Path, config: SiteConfig, enabled: bool = True):
        """With enabled=False (--clean) nothing earlier is reused, but what this build makes is kept."""
        self.folder = folder
        self.enabled = enabled
        store = Store(folder, config)
        self.bulletins = BulletinCache(store, enabled)  # parsed bulletins, for the load stage
        self.ranking = RankingCache(store, enabled)  # the related ranking and the stems
        self.pages = PageCache(store, enabled)  # the keys of the output's pages, and the last build
        self.pictures = PictureCopyStore(folder / "images")  # smaller copies of pictures

    def compiled_templates(self) -> CompiledTemplates:
        return CompiledTemplates(self.folder / "templates")

    def save(self) -> None:
        """Write what the load and related stages of this build made."""
        self.bulletins.save()
        self.ranking.save()
