#!/usr/bin/env python3
"""Build the bulletin site: `python build.py --help` lists the commands."""

from buletin.cli import run

if __name__ == "__main__":
    run()
