"""The evidence pages, one module per part; thin views over services and selectors."""
