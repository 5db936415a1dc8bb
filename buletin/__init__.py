"""A static-site generator for campaign bulletins: load -> index -> render -> write."""

__version__ = "0.1.0"
