#!/usr/bin/env python3
"""Runs moto's server on 127.0.0.1 for the Swift tests, with request-signature checking on.

Serves moto's WSGI application through a small HTTP/1.1 server that keeps connections alive (werkzeug's
development server closes every connection, which would hide the client's connection reuse), creates an IAM user
with an access key allowed to do everything, then turns signature checking on. Prints one JSON line with the port
and the key once the server answers. Exits when its standard input closes or its parent process goes away, so it
never outlives the test process.

Usage: moto_server.py
"""
import json
import os
import socket
import sys
import threading
import time

# Every request before this many is let through unchecked; the setup below makes exactly this many.
SETUP_ACTIONS = 5
os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = str(SETUP_ACTIONS)
os.environ.setdefault("MOTO_CALL_RESET_API", "false")

import boto3  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app  # noqa: E402

from moto.core.authorization import ActionAuthenticatorMixin  # noqa: E402

BUCKET = "stacks-test-artifacts"
APP = DomainDispatcherApplication(create_backend_app)

# AWS accepts AssumeRoleWithWebIdentity unsigned (the token is the proof); moto, with checking on, fails on any
# request without an Authorization header. Let exactly that call through unsigned, as AWS does.
_UNSIGNED_ACTIONS = {"AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"}
_check_normal_action = ActionAuthenticatorMixin._authenticate_and_authorize_normal_action


def _check_unless_unsigned_sts(self, resource="*"):
    if "Authorization" not in self.headers and self._get_action() in _UNSIGNED_ACTIONS:
        return None
    return _check_normal_action(self, resource)


ActionAuthenticatorMixin._authenticate_and_authorize_normal_action = _check_unless_unsigned_sts

NOT_IMPLEMENTED = (b"<ErrorResponse><Error><Code>NotImplemented</Code><Message>%s</Message></Error>"
                   b"<RequestId>moto-not-implemented</RequestId></ErrorResponse>")
INTERNAL_ERROR = (b"<ErrorResponse><Error><Code>InternalFailure</Code><Message>moto raised an exception; see the "
                  b"helper's log</Message></Error><RequestId>moto-exception</RequestId></ErrorResponse>")


class KeepAliveWSGIHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and delayed ACKs add 40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args):
        pass

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        environ = {
            "REQUEST_METHOD": self.command,
            "SCRIPT_NAME": "",
            "PATH_INFO": _unquote_path(path),
            "RAW_URI": self.path,
            "REQUEST_URI": self.path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": str(self.server.server_address[1]),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": self.client_address[0],
            "CONTENT_LENGTH": str(length),
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": _BytesReader(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        if self.headers.get("Content-Type"):
            environ["CONTENT_TYPE"] = self.headers["Content-Type"]
        for name, value in self.headers.items():
            key = "HTTP_" + name.upper().replace("-", "_")
            if key in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
                continue
            environ[key] = value if key not in environ else environ[key] + "," + value
        status_holder = {}

        def start_response(status, headers, exc_info=None):
            status_holder["status"] = status
            status_holder["headers"] = headers
            return lambda data: None

        try:
            chunks = APP(environ, start_response)
            try:
                payload = b"".join(chunks)
            finally:
                if hasattr(chunks, "close"):
                    chunks.close()
        except NotImplementedError as error:
            status_holder["status"] = "501 Not Implemented"
            status_holder["headers"] = [("Content-Type", "text/xml")]
            payload = NOT_IMPLEMENTED % str(error).encode()
        except Exception:
            import traceback
            traceback.print_exc()
            status_holder["status"] = "500 Internal Server Error"
            status_holder["headers"] = [("Content-Type", "text/xml")]
            payload = INTERNAL_ERROR
        code, _, reason = status_holder["status"].partition(" ")
        self.send_response(int(code), reason)
        length_header = str(len(payload))
        for name, value in status_holder["headers"]:
            if name.lower() == "content-length" and self.command == "HEAD":
                length_header = value  # HEAD: the length of the body a GET would have
            if name.lower() in ("content-length", "connection", "transfer-encoding"):
                continue
            self.send_header(name, value)
        self.send_header("Content-Length", length_header if self.command == "HEAD" else str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _handle


class _BytesReader:
    def __init__(self, data):
        import io
        self._io = io.BytesIO(data)

    def read(self, size=-1):
        return self._io.read(size)

    def readline(self, size=-1):
        return self._io.readline(size)

    def __iter__(self):
        return iter(self._io)


def _unquote_path(path):
    from urllib.parse import unquote
    return unquote(path, encoding="latin-1")


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
    server = ThreadingHTTPServer(("127.0.0.1", 0), KeepAliveWSGIHandler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)

    setup = dict(endpoint_url=url, region_name="us-east-1",
                 aws_access_key_id="AKIASETUPSETUPSETUP0", aws_secret_access_key="setup")
    iam = boto3.client("iam", **setup)
    iam.create_user(UserName="stacks-test")
    key = iam.create_access_key(UserName="stacks-test")["AccessKey"]
    policy = iam.create_policy(PolicyName="everything", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }))
    iam.attach_user_policy(UserName="stacks-test", PolicyArn=policy["Policy"]["Arn"])
    boto3.client("s3", **setup).create_bucket(Bucket=BUCKET)

    print(json.dumps({
        "port": port,
        "accessKeyID": key["AccessKeyId"],
        "secretAccessKey": key["SecretAccessKey"],
        "account": "123456789012",
        "userARN": "arn:aws:iam::123456789012:user/stacks-test",
        "bucket": BUCKET,
    }), flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
