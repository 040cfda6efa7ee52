"""Compares every request an official client built and signed with what the
module builds and signs for the same values, nonce and time.

    python tests/official/compare.py --module target/debug/examples/official \\
        --cases cases.jsonl captured-python.jsonl captured-node.jsonl

Each captured request (tests/official/python_clients.py, node_clients.mjs) is
handed to the module's native API through examples/official.rs, with the
values the client was given, and these must hold:

1. The module's signer reproduces the client's signature over the client's own
   request, exactly (V1: `rpc::v1` canonical query + `sign()`; V3: `rpc::v3`
   canonical request + `authorization()`).
2. The module accepts the values (a valid request is never refused).
3. The module's own request equals the client's, parameter for parameter
   (name and value), header for signed header, with the same method, host and
   path, modulo exactly the differences named in DIFFERENCES below, each applied
   only to the clients it names.
4. The module's own signature is the module's signature of the client's request
   with those differences taken out; and where no difference applies, it is the
   client's signature itself (and, for pop-core, the very URL or form body).

5. The module's request reader (`parse_http_request` with the secret) reads the
   client's request back exactly as it was sent (method, full URL, every header,
   body): without the method and with it, `ok`, no error problem, the signature
   valid, and the method the one sent (found by the signature when not given).
   Its tampered copies are refused (the signature invalid): one business
   parameter's value changed; V1, the `Signature` changed; V3, one signed header
   changed, and dropped (but `host`); the other method given. The parameter and
   the header are taken in turn, so that over a client's requests for an action
   each one sent is changed.

Alibaba's published examples (DescribeRegions V1, RunInstances V3) come through
the clients too: the client's signature, and the module's over the client's
request, must be the published one; where a client sent them, the reader verifies
them and refuses their tampered copies (their actions are ECS's, not the module's,
so its problems with them are not counted).

Prints the named differences with the number of requests each was applied to,
per-client and per-signature counts, the read-back counts, every failure (the
first few in full), and a closing line `N passed, M failed`. Exits 1 on any failure.
"""

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict

# Every way the official clients differ from each other, from the docs, or from the
# module, and the rule the module follows. A comparison is made modulo a difference
# only for the clients listed with it.
DIFFERENCES = {
    "python-bool-text": {
        "clients": {"python-tea-openapi", "python-legacy-core"},
        "what": "Python SDKs write a Boolean with str(): AutoPay=True / False (the gateway reads them)",
        "rule": "SPEC §3: booleans are written true/false; compared with True->true, False->false on Boolean parameters",
    },
    "format-lowercase": {
        "clients": {"python-tea-openapi/v1", "openapi-client/v1"},
        "what": "the Tea/Darabonba OpenAPI clients send and sign Format=json (do_rpcrequest / doRPCRequest)",
        "rule": "SPEC §4: Format is JSON (or XML), as pop-core, the legacy core and the docs write it; compared with Format upper-cased",
    },
    "signature-type-empty": {
        "clients": {"python-legacy-core"},
        "what": "aliyun-python-sdk-core sends and signs SignatureType= (empty) in every V1 request",
        "rule": "SPEC §4's common parameters have no SignatureType; compared without an empty SignatureType",
    },
    "v3-extra-signed-headers": {
        "clients": {"python-tea-openapi/v3", "openapi-client/v3"},
        "what": "the OpenAPI clients sign x-acs-credentials-provider (static_ak / static_sts); the Python one signs every "
                "header it sends, so accept and user-agent too; @alicloud/openapi-util signs only host, content-type, x-acs-*",
        "rule": "SPEC §4 V3: the x-acs-* headers it lists and host; compared without accept, user-agent and x-acs-credentials-provider",
    },
    "post-params-in-url": {
        "clients": {"python-tea-openapi", "python-legacy-core", "openapi-client"},
        "what": "for POST these clients put every parameter in the URL's query and send an empty body",
        "rule": "SPEC §4: a V1 POST carries the pairs as a form body (as pop-core does); V3 sends the query. What is "
                "signed is the same; the parameter sets are compared whichever part of the request carries them",
    },
}
FORMAT_CHOOSERS = {"pop-core", "python-legacy-core"}
# A V1 request's common parameters (a published example's others are its business parameters).
V1_COMMON = {"AccessKeyId", "Action", "Format", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version", "Signature"}
EXTRA_V3_HEADERS = {"accept", "user-agent", "x-acs-credentials-provider"}
PYTHON_CLIENTS = DIFFERENCES["python-bool-text"]["clients"]


def applies(name, client, signature):
    clients = DIFFERENCES[name]["clients"]
    return client in clients or f"{client}/{signature}" in clients


def signed_header_names(sent):
    """The headers a V3 request's Authorization header lists."""
    auth = sent["headers"].get("authorization", "")
    return auth.split("SignedHeaders=", 1)[1].split(",", 1)[0].split(";") if "SignedHeaders=" in auth else []


def sdk_parts(sent, signature):
    """The client's request as (every parameter sent, signature, signed headers)."""
    params = [tuple(p) for p in sent["query"]]
    if sent.get("body") and sent.get("paramsIn") != "body":
        raise ValueError("unexpected body")
    if signature == "v1":
        sig = [v for k, v in params if k == "Signature"]
        return [p for p in params if p[0] != "Signature"], (sig[0] if len(sig) == 1 else None), {}
    listed = signed_header_names(sent)
    headers = {k: v for k, v in sent["headers"].items() if k in listed}
    return params, sent["headers"].get("authorization", ""), headers


class Normalized:
    def __init__(self, record, case):
        client, signature, sent = record["client"], record["signature"], record["sent"]
        self.applied = []
        params, self.signature, headers = sdk_parts(sent, signature)
        booleans = {k for k, v in (case or {}).get("params", {}).items() if isinstance(v, bool)}
        out = []
        for k, v in params:
            if k in booleans and v in ("True", "False") and applies("python-bool-text", client, signature):
                v = v.lower()
                self.note("python-bool-text")
            if k == "Format" and v == "json" and applies("format-lowercase", client, signature):
                v = "JSON"
                self.note("format-lowercase")
            if k == "SignatureType" and v == "" and applies("signature-type-empty", client, signature):
                self.note("signature-type-empty")
                continue
            out.append((k, v))
        self.raw_params, self.params = params, out
        self.raw_headers = headers
        self.headers = {k: v for k, v in headers.items() if k not in EXTRA_V3_HEADERS}
        if len(self.headers) != len(headers):
            if applies("v3-extra-signed-headers", client, signature):
                self.note("v3-extra-signed-headers")
            else:
                self.headers = headers  # not named for this client: compared as it is
        if sent["method"] == "POST" and sent.get("paramsIn") != "body" and applies("post-params-in-url", client, signature):
            self.note("post-params-in-url")

    def note(self, name):
        if name not in self.applied:
            self.applied.append(name)


def module_params(record, case):
    """The values as the client had them: a Python client's as it wrote them into its
    request (strings: the module coerces them), a Node client's typed (numbers,
    booleans, BigInts), as the case gave them."""
    if record["client"] in PYTHON_CLIENTS:
        written = dict(tuple(p) for p in record["sent"]["query"])
        return {k: written.get(k) for k in case["params"]}
    return case["params"]


def in_turn(items, turn):
    """The item whose turn it is, as a list (empty for no items)."""
    return [items[turn % len(items)]] if items else []


def module_line(record, case, norm, turn=0):
    """The module's input for one request; `turn`, the request's number among its
    client's, signature's and action's, chooses what its tampered copies change."""
    sent, signature = record["sent"], record["signature"]
    line = {"id": record["id"], "signature": signature}
    secret_of = case or record
    line.update({k: secret_of.get(k) for k in ("accessKeyId", "secret", "securityToken", "endpoint", "timestamp", "nonce")})
    if case:
        line.update(action=case["action"], params=module_params(record, case), method=sent["method"])
        # Only pop-core and the legacy core let their caller ask for XML; the others always ask for JSON.
        line["format"] = case.get("format", "JSON") if record["client"] in FORMAT_CHOOSERS and signature == "v1" else "JSON"
    body = sent["body"] if sent.get("paramsIn") != "body" else None
    raw = {"method": sent["method"], "query": norm.raw_params, "headers": list(norm.raw_headers.items()), "body": body}
    normalized = {"method": sent["method"], "query": norm.params, "headers": list(norm.headers.items()), "body": body}
    line["resign"] = [raw, normalized]
    if "url" in sent:  # what the client sent, to read back (a signer's published example sent nothing)
        # One business parameter and (V3) one signed header, in turn: over a client's
        # requests for an action, every parameter and header sent gets its turn.
        names = [k for k, _ in sent["query"]]
        business = [k for k in case["params"] if k in names] if case else [k for k in names if k not in V1_COMMON]
        listed = signed_header_names(sent) if signature == "v3" else []
        line["readBack"] = {
            "method": sent["method"], "url": sent["url"], "headers": list(sent["headers"].items()), "body": sent.get("body"),
            "change": in_turn(business, turn), "signedHeaders": in_turn(listed, turn),
        }
    return line


def run_module(binary, lines):
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    result = subprocess.run([binary], input=text.encode("utf-8"), capture_output=True, check=False)
    if result.returncode != 0:
        sys.exit(f"compare: the module's example failed: {result.stderr.decode('utf-8', 'replace')}")
    answers = [json.loads(l) for l in result.stdout.decode("utf-8").splitlines() if l.strip()]
    if len(answers) != len(lines):
        sys.exit(f"compare: {len(lines)} lines in, {len(answers)} out")
    return answers


def check(record, case, norm, answer):
    """Every problem with one request, as sentences; empty when it passes."""
    problems = []
    signature, sent = record["signature"], record["sent"]
    raw, normalized = answer["resigned"]
    v1 = signature == "v1"

    # 1. The module's signer over the client's own request.
    theirs = norm.signature
    ours = raw["signature"] if v1 else raw["authorization"]
    if ours != theirs:
        problems.append(f"the module's signature of the client's own request differs:\n  client {theirs}\n  module {ours}\n"
                        f"  module's string-to-sign {raw['stringToSign']!r}")
    if "expected" in record:  # a published example: the client and the module give the published signature
        got = theirs if v1 else theirs.rsplit("Signature=", 1)[-1]
        if got != record["expected"]:
            problems.append(f"the client's signature {got} is not the published {record['expected']}")
        mine = ours if v1 else ours.rsplit("Signature=", 1)[-1]
        if mine != record["expected"]:
            problems.append(f"the module's signature {mine} is not the published {record['expected']}")
        return problems

    built = answer.get("built", {})
    # 2. A valid request is never refused.
    if "problems" in built or "misuse" in built:
        problems.append(f"the module refuses a valid request: {json.dumps(built, ensure_ascii=False)}")
        return problems

    # 3. The same request, modulo the named differences.
    if sorted(map(tuple, built["params"])) != sorted(norm.params):
        mine, theirs = set(map(tuple, built["params"])), set(norm.params)
        problems.append(f"parameters differ: only the module's {sorted(mine - theirs)}; only the client's {sorted(theirs - mine)}")
    if built["method"] != sent["method"]:
        problems.append(f"method: module {built['method']}, client {sent['method']}")
    host = built["url"].split("/")[2]
    if host != sent["host"] or sent["pathname"] != "/":
        problems.append(f"host or path: module {host}/, client {sent['host']}{sent['pathname']}")
    if not v1:
        mine = dict(map(tuple, built["headers"]))
        if mine != norm.headers:
            problems.append(f"signed headers differ:\n  module {mine}\n  client {norm.headers}")
        if built["hashedPayload"] != sent["headers"].get("x-acs-content-sha256"):
            problems.append(f"hashed payload: module {built['hashedPayload']}, client {sent['headers'].get('x-acs-content-sha256')}")

    # 4. The module's own signature.
    if v1:
        if (built["stringToSign"], built["signature"]) != (normalized["stringToSign"], normalized["signature"]):
            problems.append(f"the module's built string-to-sign is not its string-to-sign of the client's request "
                            f"(differences taken out):\n  built   {built['stringToSign']!r}\n  client's {normalized['stringToSign']!r}")
    elif (built["canonicalRequest"], built["authorization"]) != (normalized["canonicalRequest"], normalized["authorization"]):
        problems.append(f"the module's built canonical request is not its canonical request of the client's request "
                        f"(differences taken out):\n  built\n{built['canonicalRequest']}\n  client's\n{normalized['canonicalRequest']}")
    exact = not [d for d in norm.applied if d != "post-params-in-url"]
    if exact:
        mine = built["signature"] if v1 else built["authorization"]
        if mine != norm.signature:
            problems.append(f"no named difference applies, yet the signatures differ: module {mine}, client {norm.signature}")
        if record["client"] == "pop-core":
            if sent["method"] == "GET" and built["signedUrl"] != f"https://{sent['host']}/?{sent['rawQuery']}":
                problems.append(f"URL: module {built['signedUrl']}, client https://{sent['host']}/?{sent['rawQuery']}")
            if sent["method"] == "POST":
                body = f"{built['canonicalQuery']}&Signature={built['signedUrl'].rsplit('&Signature=', 1)[1]}"
                if body != sent["body"]:
                    problems.append(f"form body: module {body}, client {sent['body']}")
    return problems


def check_read_back(record, case, answer, count):
    """Requirement 5: the reader verifies the request as sent and refuses every
    tampered copy. Counts into `count`; returns the problems, as sentences."""
    read = answer.get("readBack")
    if read is None:
        return [] if "url" not in record["sent"] else ["the module did not read the request back"]
    problems = []
    sent_method = record["sent"]["method"]
    verified = True
    for name, got in (("as sent, without the method", read["asSent"]), ("with the method given", read["methodGiven"])):
        wrong = []
        if case and (not got["ok"] or got["errors"]):
            wrong.append(f"ok {got['ok']}, errors {json.dumps(got['errors'], ensure_ascii=False)}")
        if got["signatureValid"] is not True:
            wrong.append(f"signatureValid {got['signatureValid']}")
        if got.get("method") != sent_method:
            wrong.append(f"method {got.get('method')}, sent {sent_method}")
        if wrong:
            verified = False
            problems.append(f"read back {name}: {'; '.join(wrong)}")
    count["read back"] += 1
    count[f"verified {sent_method}"] += verified
    for copy in read["tampered"]:
        count["tampered"] += 1
        if copy["signatureValid"] is False:
            count["refused"] += 1
        else:
            problems.append(f"a tampered copy verifies ({copy['what']}): signatureValid {copy['signatureValid']}, method {copy.get('method')}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--module", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--show", type=int, default=5, help="failures shown in full")
    parser.add_argument("captured", nargs="+")
    args = parser.parse_args()

    cases = {}
    with open(args.cases, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                c = json.loads(line)
                cases[c["id"]] = c
    records = []
    for path in args.captured:
        with open(path, encoding="utf-8") as f:
            records += [json.loads(l) for l in f if l.strip()]

    counts = defaultdict(Counter)
    read_counts = defaultdict(Counter)
    applied = Counter()
    failures = []

    def fail(record, problems):
        failures.append((record, problems))

    usable = []
    for r in records:
        key = (r["client"], r["signature"], r["id"].rsplit("-", 1)[0])
        if "error" in r:
            counts[key]["failed"] += 1
            fail(r, [f"the client could not build it: {r['error']}"])
            continue
        case = cases.get(r["id"])
        if case is None and "expected" not in r:
            counts[key]["failed"] += 1
            fail(r, ["no such case"])
            continue
        usable.append((r, case, Normalized(r, case), key))

    turns = Counter()
    lines = []
    for r, c, n, key in usable:
        lines.append(module_line(r, c, n, turns[key]))
        turns[key] += 1
    answers = run_module(args.module, lines)

    for (r, case, norm, key), answer in zip(usable, answers):
        problems = check(r, case, norm, answer) + check_read_back(r, case, answer, read_counts[(r["client"], r["signature"])])
        counts[key]["failed" if problems else "passed"] += 1
        counts[key][r["sent"]["method"]] += 1
        if dict(map(tuple, r["sent"]["query"])).get("Format") == "XML":
            counts[key]["XML"] += 1
        if problems:
            fail(r, problems)
        else:
            applied.update(norm.applied)

    print("Named differences (each request is compared modulo only those named for its client):")
    for name, d in DIFFERENCES.items():
        print(f"  {name} [{', '.join(sorted(d['clients']))}]: applied to {applied[name]} passing requests")
        print(f"      {d['what']}")
        print(f"      rule: {d['rule']}")
    print()
    print(f"{'client':<26}{'signature':<11}{'action':<38}{'passed':>7}{'failed':>8}   requests")
    for (client, signature, action), c in sorted(counts.items()):
        detail = f"GET {c['GET']}, POST {c['POST']}" + (f", Format=XML {c['XML']}" if c["XML"] else "")
        print(f"{client:<26}{signature:<11}{action:<38}{c['passed']:>7}{c['failed']:>8}   {detail}")
    print()
    print("Read back by the module's reader (parse_http_request with the secret), each request exactly as the client sent it:")
    print(f"{'client':<26}{'signature':<11}{'read back':>10}{'verified':>10}   {'(GET, POST)':<16}{'tampered copies refused'}")
    total = Counter()
    for (client, signature), c in sorted(read_counts.items()):
        if not c["read back"]:
            continue  # a signer's published example: nothing was sent
        total.update(c)
        verified = c["verified GET"] + c["verified POST"]
        print(f"{client:<26}{signature:<11}{c['read back']:>10}{verified:>10}   {str((c['verified GET'], c['verified POST'])):<16}"
              f"{c['refused']} of {c['tampered']}")
    verified = total["verified GET"] + total["verified POST"]
    print(f"read back: {verified} of {total['read back']} verified, {total['refused']} of {total['tampered']} tampered copies refused")
    for record, problems in failures[: args.show]:
        print(f"\nFAILED {record['id']} ({record['client']}, {record['signature']}):", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
    if len(failures) > args.show:
        print(f"\n... and {len(failures) - args.show} more failures", file=sys.stderr)
        kinds = Counter((r["client"], r["signature"], p.split(":")[0][:90]) for r, ps in failures for p in ps)
        for (client, signature, kind), n in kinds.most_common(20):
            print(f"  {n:>5}  {client} {signature}: {kind}", file=sys.stderr)
    passed = sum(c["passed"] for c in counts.values())
    failed = sum(c["failed"] for c in counts.values())
    print(f"\n{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
