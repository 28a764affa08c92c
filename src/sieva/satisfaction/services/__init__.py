"""Writes of the SKM app: submissions, imports, aggregate folding, links and QR files."""
