"""The web app: pages for people and a JSON API for programs, one ASGI app (`app.create_app`),
served by `server.serve`."""
