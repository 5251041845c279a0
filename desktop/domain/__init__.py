"""The domain: the platform's objects, code tables, ISBT 128 and scan rules. Pure: no Qt, no I/O."""
