"""Qualitative evidence: interviews with officials, documents, open answers, their coding with
agreement between coders, themes for the report, the good-practice library and training plans."""
