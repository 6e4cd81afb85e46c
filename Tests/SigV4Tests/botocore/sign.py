#!/usr/bin/env python3
"""Signs requests with botocore, for the SigV4 differential test (Tests/SigV4Tests/BotocoreDifferentialTests.swift).

Reads a JSON list of requests on stdin, each an object:
  method, url (scheme://host[:port]/path, the path exactly as on the wire, no query),
  query (the raw query as on the wire; absent or null for none), headers ([[name, value], ...] in order, duplicates allowed),
  body (base64), region, service, access_key, secret, token (absent or null for none),
  timestamp (seconds since 1970, UTC), s3 (bool: S3SigV4Auth instead of SigV4Auth).
Prints a JSON list with, per request, {"authorization": ..., "canonical_request": ...}.

botocore reads the query of a URL verbatim (no decoding, no re-encoding), whereas our signer decodes each name and
value and encodes it again. So that both sides apply the same encoding rule, the query is split here into pairs
(on "&", empty pieces skipped, name and value split at the first "=", each percent-decoded with urllib's unquote)
and handed to botocore as request.params, which botocore encodes with quote(safe='-_.~') and sorts.
"""

import base64
import datetime
import json
import sys
from urllib.parse import unquote

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


# botocore takes the signing time from get_current_datetime(); it is pinned to each request's timestamp.
signing_time = [None]
botocore.auth.get_current_datetime = lambda *args, **kwargs: signing_time[0]


def query_pairs(query):
    pairs = []
    if not query:
        return pairs
    for piece in query.split("&"):
        if piece == "":
            continue
        name, _, value = piece.partition("=")
        pairs.append((unquote(name), unquote(value)))
    return pairs


def sign(item):
    request = AWSRequest(
        method=item["method"],
        url=item["url"],
        data=base64.b64decode(item["body"]),
        params=query_pairs(item.get("query")),
    )
    for name, value in item["headers"]:
        request.headers[name] = value  # HTTPHeaders keeps every value of a repeated name, in order
    credentials = Credentials(item["access_key"], item["secret"], item.get("token"))
    auth_class = botocore.auth.S3SigV4Auth if item["s3"] else botocore.auth.SigV4Auth
    signer = auth_class(credentials, item["service"], item["region"])
    signing_time[0] = datetime.datetime.fromtimestamp(item["timestamp"], tz=datetime.timezone.utc).replace(
        tzinfo=None
    )
    canonical_requests = []
    compute_canonical_request = signer.canonical_request

    def recording_canonical_request(request):
        canonical_requests.append(compute_canonical_request(request))
        return canonical_requests[-1]

    signer.canonical_request = recording_canonical_request
    signer.add_auth(request)
    return {"authorization": request.headers["Authorization"], "canonical_request": canonical_requests[0]}


def main():
    items = json.load(sys.stdin)
    json.dump([sign(item) for item in items], sys.stdout)


if __name__ == "__main__":
    main()
