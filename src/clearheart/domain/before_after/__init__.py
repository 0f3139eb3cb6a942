"""Before and after a date the person sets: each figure's two sides and whether it moved.

Pure, like the patterns: weekly series come in as arguments, nothing is read or timed here.
"""
