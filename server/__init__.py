"""The Flask app, its HTTP and Socket.IO handlers, and persistence.

This file imports nothing: ``python -m server`` must monkey-patch eventlet before
Flask or anything else is imported (see __main__.py). The factory is in app.py.
"""
