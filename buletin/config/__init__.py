"""The configuration: the schema of site.toml, reading it, and the options of one run.

Rules of this package: the whole configuration is validated at once, and an
unknown key is an error with a suggestion; of the site it reads site.toml, and
looks into its folders only to find the theme and the logo; it imports only the
model and the languages.
"""

from .options import BuildOptions, default_build_time, read_config, site_root_of
from .read import load_config
from .schema import CONFIG_FILE_NAME, STEMMERS, RelatedConfig, SiteConfig, ThemeConfig, Weights
from .theme import ENGINE_FOLDER, ThemeFolders, check_logo, default_theme_root, theme_folders

__all__ = [
    "CONFIG_FILE_NAME", "ENGINE_FOLDER", "STEMMERS", "BuildOptions", "RelatedConfig", "SiteConfig", "ThemeConfig",
    "ThemeFolders", "Weights", "check_logo", "default_build_time", "default_theme_root", "load_config",
    "read_config", "site_root_of", "theme_folders",
]
