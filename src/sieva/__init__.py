"""SIEVA - Sistem Evaluasi Pembinaan ASN."""

__version__ = "0.1.0"
