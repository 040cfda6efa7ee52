"""Alibaba's official Python SDKs build and sign each case themselves.

    .venv-official/bin/python tests/official/python_clients.py < cases.jsonl > captured.jsonl

For every case (tests/official/cases.py) and every client below, the SDK is
given the case's values the way an application gives them (typed values in the
SDK's request model, the credentials in its config) and builds, signs and
"sends" its request; the HTTP call is intercepted, so nothing leaves the
machine, and what would have gone on the wire is written as one JSON line.

Clients:
- python-tea-openapi (alibabacloud-smartag20180313's Client on
  alibabacloud-tea-openapi): V3 (ACS3-HMAC-SHA256) by default; V1 with
  Config(signature_algorithm='v2') (alibabacloud_tea_openapi/client.py call_api:
  anything but 'v2' goes to do_request, the V3 path; 'v2' to do_rpcrequest).
  Its generated methods always POST, with every parameter in the query.
- python-legacy-core (aliyun-python-sdk-core + aliyun-python-sdk-smartag's
  request classes, AcsClient.do_action_with_exception): V1, GET and POST,
  Format JSON (do_action_with_exception, which always asks for JSON) or XML
  (set_accept_format and the deprecated do_action, which keeps it).

Fixed time and nonce, and the interception (monkey patches, nothing else):
- tea-openapi: alibabacloud_tea_openapi.utils.Utils.get_timestamp and
  Utils.get_nonce (static methods the client calls at request time) return the
  case's; darabonba.core.DaraCore.do_action records the DaraRequest and goes on
  into the real do_action, which composes the URL and prepares the request;
  requests.Session.send (the transport it hands that to) records the prepared
  request and raises.
- legacy core: aliyunsdkcore.utils.parameter_helper.get_iso_8061_date and
  get_uuid (looked up on the module by rpc_signature_composer) return the case's;
  aliyunsdkcore.http.http_response.HttpResponse.get_response_object records the
  request and goes on into the real one, which composes the URL and prepares the
  request; its vendored requests' Session.send records the prepared request and
  answers 200 `{}`.

Each record's `sent` holds the method, host, path, the query as decoded pairs,
the body and the headers as the client hands them to its transport, and `url`:
the full URL the transport was given to send (the prepared request's).
"""

import json
import re
import sys
import warnings
from urllib.parse import unquote, urlsplit

import alibabacloud_tea_openapi.utils as tea_utils
import darabonba.core
from alibabacloud_smartag20180313 import models as smartag_models
from alibabacloud_smartag20180313.client import Client as SmartagClient
from alibabacloud_tea_openapi import utils_models as openapi_models
from darabonba.runtime import RuntimeOptions

import aliyunsdkcore.utils.parameter_helper as legacy_helper
import aliyunsdkcore.vendored.requests as legacy_requests
import requests
from aliyunsdkcore.auth.credentials import AccessKeyCredential, StsTokenCredential
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.http.http_response import HttpResponse

NOW = {"timestamp": None, "nonce": None}
SENT = []

tea_utils.Utils.get_timestamp = staticmethod(lambda: NOW["timestamp"])
tea_utils.Utils.get_nonce = staticmethod(lambda: NOW["nonce"])
legacy_helper.get_iso_8061_date = lambda: NOW["timestamp"]
legacy_helper.get_uuid = lambda: NOW["nonce"]


class Intercepted(Exception):
    pass


WIRE = []  # the prepared requests the transports were given


def tea_send(self, prepared, **kwargs):
    WIRE.append(prepared)
    raise Intercepted()


requests.Session.send = tea_send
REAL_DO_ACTION = darabonba.core.DaraCore.do_action


def tea_do_action(request, runtime=None):
    SENT.append(request)
    return REAL_DO_ACTION(request, runtime)


darabonba.core.DaraCore.do_action = staticmethod(tea_do_action)


class Answered:
    status_code, headers, content = 200, {}, b"{}"


def legacy_send(self, prepared, **kwargs):
    WIRE.append(prepared)
    return Answered()


legacy_requests.Session.send = legacy_send
REAL_GET_RESPONSE_OBJECT = HttpResponse.get_response_object


def legacy_get_response_object(self):
    SENT.append(self)
    return REAL_GET_RESPONSE_OBJECT(self)


HttpResponse.get_response_object = legacy_get_response_object


def wire_url():
    """The URL of the one request a transport was given."""
    if len(WIRE) != 1:
        raise RuntimeError(f"expected one request on the wire, saw {len(WIRE)}")
    return WIRE[0].url


def typed(params):
    """The case's values as a Python caller holds them (bigints are plain ints)."""
    return {k: int(v["bigint"]) if isinstance(v, dict) else v for k, v in params.items()}


def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z][a-z])", "_", name.replace("SmartAGId", "SmartAgId")).lower()


def decode_query(text):
    """A query string or form body, decoded exactly (`+` is a plus sign: the SDKs
    write spaces as %20, so a literal `+` on the wire would be a finding)."""
    pairs = []
    for part in text.split("&") if text else []:
        key, _, value = part.partition("=")
        pairs.append([unquote(key, errors="strict"), unquote(value, errors="strict")])
    return pairs


def tea_openapi(case, signature):
    params = typed(case["params"])
    config = openapi_models.Config(
        access_key_id=case["accessKeyId"],
        access_key_secret=case["secret"],
        security_token=case["securityToken"],
        region_id=params["RegionId"],
        endpoint=case["endpoint"],
        signature_algorithm="v2" if signature == "v1" else None,
    )
    client = SmartagClient(config)
    request = getattr(smartag_models, case["action"] + "Request")().from_map(params)
    call = getattr(client, snake(case["action"]) + "_with_options")
    del SENT[:], WIRE[:]
    try:
        call(request, RuntimeOptions())
    except Exception:  # the interception ends every call
        pass
    if len(SENT) != 1:
        raise RuntimeError(f"{case['id']}: expected one request, saw {len(SENT)}")
    r = SENT[0]
    body = r.body if isinstance(r.body, str) or r.body is None else r.body.decode("utf-8")
    return {
        "method": r.method,
        "host": r.headers.get("host"),
        "pathname": r.pathname,
        "url": wire_url(),
        # The SDK's own query map, which darabonba writes into the URL as it is.
        "query": [[k, v] for k, v in r.query.items() if v is not None],
        "body": body or None,
        "headers": {k.lower(): v for k, v in r.headers.items()},
    }


LEGACY_MODULE = "aliyunsdksmartag.request.v20180313.{0}Request"


def legacy_core(case):
    params = typed(case["params"])
    if case["securityToken"]:
        credential = StsTokenCredential(case["accessKeyId"], case["secret"], case["securityToken"])
    else:
        credential = AccessKeyCredential(case["accessKeyId"], case["secret"])
    client = AcsClient(region_id=params["RegionId"], credential=credential, auto_retry=False)
    module = __import__(LEGACY_MODULE.format(case["action"]), fromlist=["x"])
    request = getattr(module, case["action"] + "Request")()
    for key, value in params.items():
        if key == "RegionId":
            continue  # the legacy request classes take it from the client (RpcRequest.get_url)
        getattr(request, "set_" + key)(value)
    request.set_method(case["method"])
    request.set_accept_format(case["format"])
    if case["endpoint"]:
        request.set_endpoint(case["endpoint"])
    del SENT[:], WIRE[:]
    if case["format"] == "XML":
        # do_action_with_exception always asks for JSON (it parses the answer); a caller that
        # wants XML uses the deprecated do_action, which keeps the request's accept format.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            client.do_action(request)
    else:
        client.do_action_with_exception(request)
    if len(SENT) != 1:
        raise RuntimeError(f"{case['id']}: expected one request, saw {len(SENT)}")
    r = SENT[0]
    url = urlsplit(r.get_url())
    body = r.get_body()
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    query = decode_query(url.query)
    return {
        "method": r.get_method(),
        "host": r.get_host(),
        "pathname": url.path,
        "url": wire_url(),
        "query": query,
        "rawQuery": url.query,
        "body": body or None,
        "headers": {k.lower(): v for k, v in r.get_headers().items()},
    }


CLIENTS = [
    ("python-tea-openapi", "v3", lambda case: tea_openapi(case, "v3")),
    ("python-tea-openapi", "v1", lambda case: tea_openapi(case, "v1")),
    ("python-legacy-core", "v1", legacy_core),
]


def published():
    """Alibaba's published worked examples (SPEC §4) through the current SDK's own
    signers, alibabacloud_tea_openapi.utils.Utils.get_rpcsignature and
    get_authorization (the Python client itself signs two more headers, accept and
    user-agent, so it cannot reproduce the V3 page's request)."""
    from darabonba.request import DaraRequest

    query = {
        "AccessKeyId": "testid", "Action": "DescribeRegions", "Format": "XML", "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion": "1.0",
        "Timestamp": "2016-02-23T12:46:24Z", "Version": "2014-05-26",
    }
    signature = tea_utils.Utils.get_rpcsignature(query, "GET", "testsecret")
    v1 = {
        "id": "published-v1-DescribeRegions", "client": "python-tea-openapi-signer", "signature": "v1",
        "accessKeyId": "testid", "secret": "testsecret", "expected": "OLeaidS1JvxuMvnyHOwuJ+uX5qY=",
        "sent": {"method": "GET", "host": "ecs.aliyuncs.com", "pathname": "/", "body": None, "headers": {},
                 "query": [[k, v] for k, v in query.items()] + [["Signature", signature]]},
    }
    payload = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    request = DaraRequest()
    request.method, request.pathname = "POST", "/"
    request.query = {"ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId": "cn-shanghai"}
    request.headers = {
        "host": "ecs.cn-shanghai.aliyuncs.com", "x-acs-action": "RunInstances", "x-acs-version": "2014-05-26",
        "x-acs-date": "2023-10-26T10:22:32Z", "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
        "x-acs-content-sha256": payload,
    }
    auth = tea_utils.Utils.get_authorization(request, "ACS3-HMAC-SHA256", payload, "YourAccessKeyId", "YourAccessKeySecret")
    v3 = {
        "id": "published-v3-RunInstances", "client": "python-tea-openapi-signer", "signature": "v3",
        "accessKeyId": "YourAccessKeyId", "secret": "YourAccessKeySecret",
        "expected": "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
        "sent": {"method": "POST", "host": request.headers["host"], "pathname": "/", "body": None,
                 "query": [[k, v] for k, v in request.query.items()], "headers": dict(request.headers, authorization=auth)},
    }
    return [v1, v3]


def main():
    out = sys.stdout
    for record in published():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        NOW["timestamp"], NOW["nonce"] = case["timestamp"], case["nonce"]
        for client, signature, build in CLIENTS:
            record = {"id": case["id"], "client": client, "signature": signature}
            try:
                record["sent"] = build(case)
            except Exception as e:  # the client could not build it: reported, never dropped
                record["error"] = f"{type(e).__name__}: {e}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
