"""The pure domain of Mellanrum: projects, meetings, live sessions, activities,
submissions and their aggregates.

Nothing here imports Flask, Socket.IO or SQLAlchemy; the server converts between
rows and these objects in one place (server/repository.py).
"""
