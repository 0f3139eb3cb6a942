"""Shipped content as data: journaling prompts and emotion words, in TOML, checked on load."""
