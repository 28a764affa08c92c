"""One module per Kirkpatrick/Phillips level; each turns the adapters' plain data into figures."""
