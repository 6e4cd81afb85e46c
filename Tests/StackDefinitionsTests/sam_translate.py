"""Runs the AWS SAM translator over each template that uses the SAM transform; exits 1 naming any failure.

Templates without AWS::Serverless-2016-10-31 are skipped (counted). Uses cfn-lint's YAML loader, which knows
CloudFormation's short-form tags. No network: the translator gets a fixed region and a stub managed-policy map.
"""
import sys

from cfnlint.decode import decode_str
from samtranslator.translator.transform import transform
from samtranslator.public.exceptions import InvalidDocumentException


class NoManagedPolicies:
    def load(self):
        return {}

    def get(self, name):
        return None


def main(paths):
    import os
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    failures, translated, skipped = [], 0, 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            template, matches = decode_str(handle.read())
        if matches or template is None:
            failures.append(f"{path}: cannot be parsed: {matches}")
            continue
        transforms = template.get("Transform", [])
        transforms = transforms if isinstance(transforms, list) else [transforms]
        if "AWS::Serverless-2016-10-31" not in transforms:
            skipped += 1
            continue
        try:
            transform(template, {}, NoManagedPolicies())
            translated += 1
        except InvalidDocumentException as error:
            failures.append(f"{path}: " + "; ".join(str(cause) for cause in error.causes))
        except Exception as error:  # the translator's other errors are failures too
            failures.append(f"{path}: {error}")
    for failure in failures:
        print(failure)
    print(f"{translated} translated, {skipped} without the SAM transform, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
