#!/usr/bin/env python3
"""A loopback HTTP/1.1 server for the Swift tests that answers each request with the next entry of a script.

Usage: scripted_server.py '<json script>'

The script is a list of answers, one per request, in order:
  {"status": 400, "headers": [["Name", "value"]], "body": "...", "delay": 0.5, "date": 1800003600}
  {"drop": true}            close the connection without answering
"delay" waits that many seconds before answering; "date" (seconds since 1970) replaces the current time in the
Date header. Once the script is used up every request gets 418 ScriptExhausted.

GET /__requests returns the requests received so far (not counting itself) as JSON:
  [{"method": ..., "path": ..., "headers": [[name, value], ...], "body": "...", "peerPort": 40312}]
(the client's port tells which requests shared a connection).

Prints the port on one line once listening; exits when its standard input closes or its parent goes away.
"""
import email.utils
import json
import os
import sys
import threading
import time
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCRIPT = json.loads(sys.argv[1]) if len(sys.argv) > 1 else []
LOCK = threading.Lock()
RECEIVED = []
NEXT = [0]

EXHAUSTED = ("<ErrorResponse><Error><Code>ScriptExhausted</Code><Message>The scripted server has no answer "
             "left</Message></Error><RequestId>exhausted</RequestId></ErrorResponse>")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args):
        pass

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.command == "GET" and self.path == "/__requests":
            with LOCK:
                payload = json.dumps(RECEIVED).encode()
            self._answer(200, [("Content-Type", "application/json")], payload, None)
            return
        with LOCK:
            RECEIVED.append({
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body": body.decode("utf-8", "replace"),
                "peerPort": self.client_address[1],
            })
            index = NEXT[0]
            NEXT[0] += 1
        answer = SCRIPT[index] if index < len(SCRIPT) else {"status": 418, "body": EXHAUSTED}
        if answer.get("delay"):
            time.sleep(answer["delay"])
        if answer.get("drop"):
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        headers = [tuple(pair) for pair in answer.get("headers", [])]
        self._answer(answer.get("status", 200), headers, answer.get("body", "").encode(),
                     answer.get("date"))

    def _answer(self, status, headers, payload, date):
        self.send_response_only(status)
        self.send_header("Date", email.utils.formatdate(time.time() if date is None else date, usegmt=True))
        self.send_header("Server", "scripted")
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        self.wfile.flush()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


def _exit_with_parent(parent):
    def watch_stdin():
        sys.stdin.buffer.read()
        os._exit(0)

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Thread(target=watch_parent, daemon=True).start()


def main():
    _exit_with_parent(os.getppid())
    ThreadingHTTPServer.daemon_threads = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
