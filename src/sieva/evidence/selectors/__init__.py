"""Reads of qualitative evidence, N+1-free. `themes` is the API the floors above read."""
