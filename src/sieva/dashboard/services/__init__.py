"""Writes of the leaders' pages: stored program summaries and the evaluation schedule."""
