"""The API's routers, one module per area; `sieva.api.api` mounts them."""
