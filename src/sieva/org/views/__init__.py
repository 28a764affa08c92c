"""The employee (pegawai) and organisation pages, one module per page family."""
