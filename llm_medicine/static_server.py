"""A built site on a local static file server, as a plain host serves it: the PDF handouts are printed from it
(`printing`), and the tests and benchmarks load their pages from it.

Handles no MkDocs event. The server binds `LOCAL_HOST`, the one host the browsers of the handouts and the tests
resolve (`printing.CHROMIUM_ARGS`).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import socketserver
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCAL_HOST = "127.0.0.1"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request."""

    def log_message(self, *args):
        pass


class GzipHandler(QuietHandler):
    """Sends text files gzip-compressed (level 6) to clients that accept it, as GitHub Pages does."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt"}

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in self.COMPRESSED or not path.is_file() \
                or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def served(directory: Path, mount: str = "/", *, gzip_text: bool = False) -> Iterator[str]:
    """`directory` served at the URL path `mount` (e.g. `/llm-medicine/`, as GitHub Pages publishes a project) on
    http://127.0.0.1:<free port>; yields the address of `mount`. `gzip_text`: text files compressed as a host does."""
    with tempfile.TemporaryDirectory(prefix="served-") as scratch:
        root = Path(directory).resolve()
        if mount.strip("/"):  # the site appears under the sub-path of an otherwise empty host
            target = Path(scratch) / mount.strip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(root, target_is_directory=True)
            root = Path(scratch)
        handler = functools.partial(GzipHandler if gzip_text else QuietHandler, directory=str(root))
        server = socketserver.ThreadingTCPServer((LOCAL_HOST, 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://{LOCAL_HOST}:{server.server_address[1]}{mount}"
        finally:
            server.shutdown()
            server.server_close()
