"""The web app: pages for people and a JSON API for programs, one ASGI app (`factory.create_app`)."""
