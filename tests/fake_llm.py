"""A small OpenAI-protocol chat server on 127.0.0.1 for tests (no LLM weights can be installed)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Reply = Callable[[list[dict]], str]


class FakeLLM:
    """Serves /v1/chat/completions; ``reply(messages)`` decides the answer text."""

    def __init__(self, reply: Reply, stream: bool = True, delay: float = 0.0) -> None:
        self.reply, self.stream, self.delay = reply, stream, delay
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                time.sleep(outer.delay)
                text = outer.reply(body["messages"])
                if outer.stream and body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for i in range(0, len(text), 12):
                        chunk = {"choices": [{"delta": {"content": text[i : i + 12]}}]}
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                        self.wfile.flush()
                    self.wfile.write(b"data: [DONE]\n\n")
                else:
                    payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]}).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeLLM:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def quote_first_source(messages: list[dict]) -> str:
    """Behaves like a good model: repeats the first sentence of source [1] and cites it."""
    user = messages[-1]["content"]
    block = user.split("[1]", 1)[1].split('"""')[1].strip()
    first = block.split("\n")[0].split(". ")[0].rstrip(".")
    return f"{first}. [1]"
