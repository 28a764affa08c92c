"""Pages of the API app: the account's tokens and the LMS activity mappings."""
