#!/usr/bin/env python3
"""Serializes CreateStack inputs the way botocore does, for the differential test of our Query encoding.

Reads a JSON list of inputs on stdin ({"StackName", "TemplateBody", "Parameters": [[key, value]], "Tags": [[key,
value]], "Capabilities": [...]}) and prints a JSON list of form-encoded bodies, one per input.
"""
import json
import sys
from urllib.parse import urlencode

import botocore.session
from botocore.serialize import create_serializer

model = botocore.session.get_session().get_service_model("cloudformation")
operation = model.operation_model("CreateStack")
serializer = create_serializer("query", include_validation=False)  # random inputs break length rules
bodies = []
for item in json.load(sys.stdin):
    params = {"StackName": item["StackName"], "TemplateBody": item["TemplateBody"]}
    # An empty list is "not given": botocore would send "Parameters=", but a caller with none passes none.
    if item["Parameters"]:
        params["Parameters"] = [{"ParameterKey": k, "ParameterValue": v} for k, v in item["Parameters"]]
    if item["Tags"]:
        params["Tags"] = [{"Key": k, "Value": v} for k, v in item["Tags"]]
    if item["Capabilities"]:
        params["Capabilities"] = item["Capabilities"]
    request = serializer.serialize_to_request(params, operation)
    bodies.append(urlencode(request["body"], doseq=True))
json.dump(bodies, sys.stdout)
