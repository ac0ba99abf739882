"""A static server for the built site that compresses text with gzip, as a real host does (for `make audit`)."""

from __future__ import annotations

import gzip
import mimetypes
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Handler(SimpleHTTPRequestHandler):
    """Serves files from the site folder; text is sent gzip-compressed when the client accepts it."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the standard redirect to the folder's address with a slash
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if not path.is_file() or not kind.startswith(COMPRESSED):
            return super().send_head()
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body) if self.command != "HEAD" else None
        return None

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the audit prints its own table."""


class Server:
    """The site at http://127.0.0.1:<port>/ in a background thread, until `close()`."""

    def __init__(self, site: Path, port: int = 0) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(site)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop serving and free the port."""
        self.httpd.shutdown()
        self.httpd.server_close()


if __name__ == "__main__":
    import sys
    import time

    server = Server(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"Serving {sys.argv[1] if len(sys.argv) > 1 else 'site'} compressed at {server.url} (Ctrl-C stops)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.close()
