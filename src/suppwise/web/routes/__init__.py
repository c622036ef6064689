"""The web app's routers, one module per area: public pages and their JSON twins, the safety check,
accounts, trials, and the `/api/v1` JSON API. Each route parses its input, calls a service and
hands the result to a view."""
