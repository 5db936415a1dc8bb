"""What a build process needs beside its stages: worker processes, the cycle collector, the engine's identity.

Rules of this package: it knows no bulletin, page or file of a site; any stage may use it.
"""
