#!/usr/bin/env python3
"""Build the bulletin site: `python build.py --help` lists the commands."""

import sys

from buletin.cli import main

if __name__ == "__main__":
    sys.exit(main())
