"""Clearheart: a private, local-first companion for people whose partner pulls away."""

__version__ = "0.1.0"
