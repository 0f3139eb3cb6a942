"""Use cases joining the pure domain with storage and content."""
