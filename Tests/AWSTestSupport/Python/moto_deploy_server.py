#!/usr/bin/env python3
"""moto on 127.0.0.1 with signature checking on, prepared for the deploy engine's end-to-end tests.

Like moto_server.py (whose request handler it reuses), plus, in each account given, a deployment role allowed
everything and an artifact bucket, so a CI identity can assume `arn:aws:iam::<account>:role/<role>` and deploy.

Usage: moto_deploy_server.py '{"accounts": {"111111111111": "stacks-deploy-sbx", ...}}'
Prints one JSON line: {"port", "accessKeyID", "secretAccessKey", "account", "buckets": {account: bucket}}.
Exits when its standard input closes or its parent process goes away.
"""
import json
import os
import socket
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import moto_server  # noqa: E402  (sets up moto and the keep-alive handler)
import boto3  # noqa: E402
from http.server import ThreadingHTTPServer  # noqa: E402

EVERYTHING = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
})


def set_unchecked_calls(url, count):
    request = urllib.request.Request(url + "/moto-api/reset-auth", data=str(count).encode(), method="POST",
                                     headers={"Content-Type": "text/plain"})
    urllib.request.urlopen(request).read()


def main():
    settings = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {"accounts": {}}
    moto_server._exit_with_parent(os.getppid())
    ThreadingHTTPServer.daemon_threads = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), moto_server.KeepAliveWSGIHandler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)

    set_unchecked_calls(url, 1000)
    setup = dict(endpoint_url=url, region_name="us-east-1",
                 aws_access_key_id="AKIASETUPSETUPSETUP0", aws_secret_access_key="setup")
    iam = boto3.client("iam", **setup)
    iam.create_user(UserName="stacks-ci")
    key = iam.create_access_key(UserName="stacks-ci")["AccessKey"]
    policy = iam.create_policy(PolicyName="everything", PolicyDocument=EVERYTHING)
    iam.attach_user_policy(UserName="stacks-ci", PolicyArn=policy["Policy"]["Arn"])
    sts = boto3.client("sts", **setup)
    buckets = {}
    for account, role in sorted(settings["accounts"].items()):
        assumed = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{role}", RoleSessionName="setup")
        creds = assumed["Credentials"]
        inside = dict(endpoint_url=url, region_name="us-east-1", aws_access_key_id=creds["AccessKeyId"],
                      aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
        boto3.client("iam", **inside).create_role(
            RoleName=role, AssumeRolePolicyDocument=json.dumps({
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}],
            }))
        boto3.client("iam", **inside).put_role_policy(RoleName=role, PolicyName="everything",
                                                      PolicyDocument=EVERYTHING)
        bucket = f"stacks-artifacts-{account}"
        boto3.client("s3", **inside).create_bucket(Bucket=bucket)
        buckets[account] = bucket
    set_unchecked_calls(url, 0)

    print(json.dumps({
        "port": port,
        "accessKeyID": key["AccessKeyId"],
        "secretAccessKey": key["SecretAccessKey"],
        "account": "123456789012",
        "buckets": buckets,
    }), flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
