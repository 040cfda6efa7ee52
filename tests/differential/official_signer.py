"""Differential test against Alibaba's official Python signer.

Reads the JSON lines of `cargo run --example cases` (a file argument) and, for
every case, compares the signature that alibabacloud-openapi-util computes from
the parameter map with HMAC-SHA1(secret + "&", our stringToSign) in base64.
A case with `expectedSignature` (Alibaba's published ECS example) must also
give that signature. Exits 1 on any mismatch.
"""

import base64
import hashlib
import hmac
import json
import sys

from alibabacloud_openapi_util.client import Client

SECRETS = ["testsecret", "s3cr&t=+/张🚀"]


def ours(string_to_sign, secret):
    digest = hmac.new((secret + "&").encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def main(path):
    passed, failed, methods, published = 0, 0, set(), 0

    def check(ok, message):
        nonlocal passed, failed
        passed += ok
        failed += not ok
        if not ok:
            print(message, file=sys.stderr)

    with open(path, encoding="utf-8") as lines:
        for line in lines:
            case = json.loads(line)
            methods.add(case["method"])
            for secret in SECRETS:
                official = Client.get_rpcsignature(case["params"], case["method"], secret)
                mine = ours(case["stringToSign"], secret)
                check(official == mine, f"MISMATCH {case['name']} ({secret!r}): official {official}, ours {mine}")
            expected = case.get("expectedSignature")
            if expected is not None:
                published += 1
                official = Client.get_rpcsignature(case["params"], case["method"], "testsecret")
                check(official == expected, f"published example {case['name']}: official {official}, Alibaba {expected}")
    check(methods == {"GET", "POST"}, f"expected GET and POST cases, got {sorted(methods)}")
    check(published == 1, f"expected one published example, got {published}")
    print(f"python: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
