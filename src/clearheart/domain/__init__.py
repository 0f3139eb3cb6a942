"""Pure domain rules: standard library only, no I/O, clock or randomness."""
