"""Browser libraries, served from node_modules (installed from package-lock.json).

Only the files named here are reachable; nothing else under node_modules is.
"""

from pathlib import Path

from flask import Blueprint, abort, send_from_directory

bp = Blueprint("vendor", __name__)

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
FILES = {
    "socket.io.esm.min.js": "socket.io-client/dist/socket.io.esm.min.js",
    "d3.layout.cloud.js": "d3-cloud/build/d3.layout.cloud.js",
    "axe.min.js": "axe-core/axe.min.js",
    # The actor network (static/js/results_network.js imports it when needed).
    "cytoscape.esm.min.js": "cytoscape/dist/cytoscape.esm.min.mjs",
}


@bp.get("/vendor/<name>")
def asset(name: str):
    if name not in FILES:
        abort(404)
    path = NODE_MODULES / FILES[name]
    # A module script must come as JavaScript, whatever the host's mime types
    # make of ".mjs".
    return send_from_directory(
        path.parent, path.name, max_age=3600, mimetype="text/javascript"
    )
