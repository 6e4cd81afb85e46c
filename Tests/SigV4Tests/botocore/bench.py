#!/usr/bin/env python3
"""Signs a typical CloudFormation request with botocore in a loop and prints signatures per second.

The request (the same one Sources/StacksBenchmarks/SigV4Benchmark.swift signs): POST / to
cloudformation.us-east-1.amazonaws.com with a form body of about 2 KB (Action=CreateChangeSet...), a Content-Type
header and temporary credentials (session token), signed with botocore.auth.SigV4Auth at a fixed time. Each
iteration builds a fresh AWSRequest and calls add_auth, as botocore does for every call.

Usage: bench.py [--rounds R] [--iterations N] [--body-file PATH] [--value-only] [--with-authorization]
  --rounds       rounds of N signatures each, timed in thread CPU time; the best round counts
  --body-file    sign this body instead of the built-in one (the Swift benchmark passes its own)
  --value-only   print only the number
  --with-authorization  also print, on a second line, the Authorization header botocore produced (the Swift
                 benchmark checks that it signed the very same request)
"""

import argparse
import datetime
import time
from urllib.parse import quote

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

URL = "https://cloudformation.us-east-1.amazonaws.com/"
CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8"
CREDENTIALS = Credentials(
    "ASIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    "IQoJb3JpZ2luX2VjEXAMPLETOKEN" * 12,
)
SIGNING_TIME = datetime.datetime(2026, 11, 21, 12, 0, 0)


def default_body():
    """A CreateChangeSet form body of about 2 KB (the same recipe as SigV4Benchmark.cloudFormationBody)."""
    resources = "".join(
        f"  Function{i}:\n    Type: AWS::Lambda::Function\n    Properties:\n"
        f"      Handler: index.handler\n      Runtime: nodejs20.x\n      MemorySize: 256\n"
        for i in range(8)
    )
    template = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + resources
    fields = [
        ("Action", "CreateChangeSet"),
        ("Version", "2010-05-15"),
        ("StackName", "url-shortener-prod"),
        ("ChangeSetName", "stacks-20261121T120000Z"),
        ("ChangeSetType", "UPDATE"),
        ("Capabilities.member.1", "CAPABILITY_IAM"),
        ("TemplateBody", template),
    ]
    return "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in fields).encode()


def authorization(body):
    botocore.auth.get_current_datetime = lambda *args, **kwargs: SIGNING_TIME
    signer = botocore.auth.SigV4Auth(CREDENTIALS, "cloudformation", "us-east-1")
    request = AWSRequest(method="POST", url=URL, data=body, headers={"Content-Type": CONTENT_TYPE})
    signer.add_auth(request)
    return request.headers["Authorization"]


def signatures_per_second(body, iterations):
    botocore.auth.get_current_datetime = lambda *args, **kwargs: SIGNING_TIME
    signer = botocore.auth.SigV4Auth(CREDENTIALS, "cloudformation", "us-east-1")
    start = time.thread_time()
    for _ in range(iterations):
        request = AWSRequest(method="POST", url=URL, data=body, headers={"Content-Type": CONTENT_TYPE})
        signer.add_auth(request)
    return iterations / (time.thread_time() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=4_000)
    parser.add_argument("--body-file")
    parser.add_argument("--value-only", action="store_true")
    parser.add_argument("--with-authorization", action="store_true")
    arguments = parser.parse_args()
    body = default_body()
    if arguments.body_file:
        with open(arguments.body_file, "rb") as file:
            body = file.read()
    signatures_per_second(body, min(arguments.iterations, 1_000))  # warm up
    rate = max(signatures_per_second(body, arguments.iterations) for _ in range(arguments.rounds))
    if arguments.value_only:
        print(f"{rate:.0f}")
    else:
        print(f"botocore SigV4Auth: {rate:.0f} signatures/s ({len(body)}-byte body, best of {arguments.rounds} rounds of {arguments.iterations})")
    if arguments.with_authorization:
        print(authorization(body))


if __name__ == "__main__":
    main()
