"""Qt table models over the store and the domain, one per table."""
