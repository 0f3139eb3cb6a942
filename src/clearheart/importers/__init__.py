"""Chat importers: one module per source, each streaming Messages out of a file."""
