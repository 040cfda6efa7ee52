// createGatewayEmulator: what it verifies and how it answers, with requests
// built and signed by the module directly (node --test tests/server/).
import test from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { createRequire } from "node:module";
import h from "./helpers.cjs";

const require = createRequire(import.meta.url);
const { mod, ID, SECRET, PARAMS, emulator, read, pct } = h;
const SOFT = "CreateSmartAccessGatewaySoftware";
const sha256 = (s) => crypto.createHash("sha256").update(s, "utf8").digest("hex");
const stampOf = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** A V1 request signed by the module: GET with the signed URL, or POST with the form body. */
function v1(params = PARAMS[SOFT], o = {}) {
  const built = mod.buildRequest(o.action ?? SOFT, params, { accessKeyId: o.id ?? ID, method: o.method ?? "GET", format: o.format, timestamp: o.timestamp, nonce: o.nonce });
  assert.ok(built.ok, JSON.stringify(built.errors));
  let url = mod.signedUrl(built, o.secret ?? SECRET);
  if (o.edit) url = o.edit(url);
  if ((o.method ?? "GET") === "GET") return new Request(url);
  const q = url.indexOf("?");
  return new Request(url.slice(0, q), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: url.slice(q + 1) });
}

/** A V1 request with this exact canonical query, signed over it (to send what buildRequest would refuse). */
function v1Raw(canonicalQuery, method = "GET", secret = SECRET) {
  const signature = mod.sign(`${method}&%2F&${pct(canonicalQuery)}`, secret, "v1");
  return new Request(`https://smartag.cn-shanghai.aliyuncs.com/?${canonicalQuery}&Signature=${pct(signature)}`);
}

/** A V3 request signed by the module; `edit` may change { url, headers, body } after signing. */
function v3(params = PARAMS[SOFT], o = {}) {
  const built = mod.buildRequest(o.action ?? SOFT, params, { accessKeyId: o.id ?? ID, method: "POST", signature: "v3", timestamp: o.timestamp, nonce: o.nonce });
  assert.ok(built.ok, JSON.stringify(built.errors));
  const parts = { url: built.url, headers: { ...built.headers, authorization: mod.authorization(built, o.secret ?? SECRET) }, body: undefined };
  if (o.edit) o.edit(parts, built);
  return new Request(parts.url, { method: "POST", headers: parts.headers, body: parts.body });
}

/** A V3 request for `built` with its query replaced, signed over the new canonical request. */
function v3Resigned(built, query, secret = SECRET) {
  const lines = built.canonicalRequest.split("\n");
  lines[2] = query;
  const canonical = lines.join("\n");
  const signature = mod.sign(`ACS3-HMAC-SHA256\n${sha256(canonical)}`, secret, "v3");
  const authorization = `ACS3-HMAC-SHA256 Credential=${ID},SignedHeaders=${built.signedHeaders},Signature=${signature}`;
  return new Request(built.url.replace(/\?.*$/, `?${query}`), { method: built.method, headers: { ...built.headers, authorization } });
}

async function expectError(emu, request, status, code) {
  const r = await read(await emu(request));
  assert.equal(r.status, status, r.text);
  assert.equal(r.json.Code, code, r.text);
  for (const k of ["RequestId", "HostId", "Message", "Recommend"]) assert.equal(typeof r.json[k], "string", `${k} in ${r.text}`);
  return r;
}

test("a valid V1 (GET, POST) and V3 request places one order: RequestId, a 15-digit OrderId, a sag- instance", async () => {
  const emu = emulator();
  for (const request of [v1(), v1(undefined, { method: "POST" }), v3()]) {
    const r = await read(await emu(request));
    assert.equal(r.status, 200, r.text);
    assert.match(r.json.OrderId, /^\d{15}$/);
    assert.match(r.json.SmartAGId, /^sag-[a-z0-9]{18}$/);
    assert.match(r.json.RequestId, /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    assert.equal(r.headers["content-type"], "application/json;charset=utf-8");
  }
  const up = await read(await emu(v3(PARAMS.UpgradeSmartAccessGatewaySoftware, { action: "UpgradeSmartAccessGatewaySoftware" })));
  assert.equal(up.status, 200);
  assert.deepEqual(Object.keys(up.json).sort(), ["OrderId", "RequestId"]);
  assert.equal(emu.stats.orders, 4);
});

test("OrderIds are unique 15-digit strings", async () => {
  const emu = emulator();
  const ids = new Set();
  for (let i = 0; i < 300; i++) {
    const r = await read(await emu(v1()));
    assert.match(r.json.OrderId, /^\d{15}$/);
    ids.add(r.json.OrderId);
  }
  assert.equal(ids.size, 300);
});

test("V1 Format=XML is answered in XML (success and error)", async () => {
  const emu = emulator();
  const ok = await read(await emu(v1(undefined, { format: "XML" })));
  assert.equal(ok.status, 200);
  assert.match(ok.headers["content-type"], /^text\/xml/);
  assert.match(ok.text, /^<\?xml version='1\.0' encoding='UTF-8'\?><CreateSmartAccessGatewaySoftwareResponse><RequestId>[0-9A-F-]{36}<\/RequestId><OrderId>\d{15}<\/OrderId><SmartAGId>sag-[a-z0-9]+<\/SmartAGId>/);
  const bad = await read(await emu(v1(undefined, { format: "XML", secret: "wrong" })));
  assert.equal(bad.status, 400);
  assert.match(bad.text, /<Error><RequestId>[^<]+<\/RequestId><HostId>smartag\.cn-shanghai\.aliyuncs\.com<\/HostId><Code>SignatureDoesNotMatch<\/Code><Message>Specified signature is not matched with our calculation\.<\/Message><Recommend><!\[CDATA\[https:\/\/error-center/);
});

test("replayed requests are refused: SignatureNonceUsed (V1 GET, V1 POST, V3)", async () => {
  for (const make of [() => v1(), () => v1(undefined, { method: "POST" }), () => v3()]) {
    const emu = emulator();
    const request = make();
    const copy = request.clone();
    assert.equal((await emu(request)).status, 200);
    await expectError(emu, copy, 400, "SignatureNonceUsed");
    assert.equal(emu.stats.orders, 1);
  }
  // The same nonce under another AccessKey ID is another key's business.
  const emu = h.server.createGatewayEmulator({ module: mod, credentials: [{ accessKeyId: ID, accessKeySecret: SECRET }, { accessKeyId: "LTAI5tOther", accessKeySecret: "other-secret" }] });
  const nonce = crypto.randomUUID();
  assert.equal((await emu(v3(undefined, { nonce }))).status, 200);
  assert.equal((await emu(v3(undefined, { nonce, id: "LTAI5tOther", secret: "other-secret" }))).status, 200);
});

test("stale and future time stamps (over 15 minutes) are refused: InvalidTimeStamp.Expired", async () => {
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  for (const [offsetMin, status] of [[-16, 400], [16, 400], [-14, 200], [14, 200]]) {
    for (const make of [v1, v3]) {
      const emu = emulator({ now: () => t0 });
      const r = await read(await emu(make(undefined, { timestamp: stampOf(t0 + offsetMin * 60_000) })));
      assert.equal(r.status, status, `${offsetMin} min: ${r.text}`);
      if (status === 400) assert.equal(r.json.Code, "InvalidTimeStamp.Expired");
    }
  }
});

test("tampered requests are refused: SignatureDoesNotMatch (V1)", async () => {
  const emu = emulator();
  const edits = [
    (u) => u.replace("UserCount=5", "UserCount=10"),
    (u) => u.replace("Period=12", "Period=24"),
    (u) => u.replace("RegionId=cn-shanghai", "RegionId=cn-hangzhou"),
    (u) => u.replace(/&Signature=[^&]+/, "&Signature=" + pct(mod.sign("GET&%2F&x", SECRET, "v1"))),
    (u) => u + "&OwnerAccount=extra",
  ];
  for (const edit of edits) await expectError(emu, v1(undefined, { edit }), 400, "SignatureDoesNotMatch");
  // Signed for GET, sent as POST (the method is signed).
  const url = mod.signedUrl(mod.buildRequest(SOFT, PARAMS[SOFT], { accessKeyId: ID }), SECRET);
  await expectError(emu, new Request(url.split("?")[0], { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: url.split("?")[1] }), 400, "SignatureDoesNotMatch");
  await expectError(emu, v1(undefined, { secret: "another-secret" }), 400, "SignatureDoesNotMatch");
  assert.equal(emu.stats.orders, 0);
});

test("tampered requests are refused (V3): query, signed headers, body, credential", async () => {
  const emu = emulator();
  const cases = [
    ["query", (p) => (p.url = p.url.replace("UserCount=5", "UserCount=10")), "SignatureDoesNotMatch"],
    ["extra query pair", (p) => (p.url += "&OwnerAccount=x"), "SignatureDoesNotMatch"],
    ["x-acs-action", (p) => (p.headers["x-acs-action"] = "UpgradeSmartAccessGatewaySoftware"), "SignatureDoesNotMatch"],
    ["x-acs-date", (p) => (p.headers["x-acs-date"] = stampOf(Date.now() - 60_000)), "SignatureDoesNotMatch"],
    ["x-acs-signature-nonce", (p) => (p.headers["x-acs-signature-nonce"] = crypto.randomUUID()), "SignatureDoesNotMatch"],
    ["host", (p) => ((p.url = p.url.replace("smartag.cn-shanghai", "smartag.cn-hangzhou")), (p.headers.host = "smartag.cn-hangzhou.aliyuncs.com")), "SignatureDoesNotMatch"],
    ["body added", (p) => ((p.body = "UserCount=100"), (p.headers["content-type"] = "application/x-www-form-urlencoded")), "SignatureDoesNotMatch"],
    ["body and its hash", (p) => ((p.body = "UserCount=100"), (p.headers["content-type"] = "application/x-www-form-urlencoded"), (p.headers["x-acs-content-sha256"] = sha256("UserCount=100"))), "SignatureDoesNotMatch"],
    ["signature", (p) => (p.headers.authorization = p.headers.authorization.replace(/Signature=(.)/, (m, c) => `Signature=${c === "a" ? "b" : "a"}`)), "SignatureDoesNotMatch"],
    ["nonce not signed", (p) => (p.headers.authorization = p.headers.authorization.replace("x-acs-signature-nonce;", "")), "IncompleteSignature"],
    ["malformed Authorization", (p) => (p.headers.authorization = "ACS3-HMAC-SHA256 Credential=" + ID), "IncompleteSignature"],
    ["nonce header removed", (p) => delete p.headers["x-acs-signature-nonce"], "MissingParameter"],
  ];
  for (const [name, edit, code] of cases) {
    const r = await read(await emu(v3(undefined, { edit })));
    assert.equal(r.status, 400, `${name}: ${r.text}`);
    assert.equal(r.json.Code, code, name);
  }
  await expectError(emu, v3(undefined, { secret: "another-secret" }), 400, "SignatureDoesNotMatch");
  assert.equal(emu.stats.orders, 0);
});

test("unknown AccessKey ID 404, wrong Version 400 InvalidVersion, unknown action 404 InvalidAction.NotFound, missing Signature", async () => {
  const emu = emulator();
  await expectError(emu, v1(undefined, { id: "LTAI5tNobody" }), 404, "InvalidAccessKeyId.NotFound");
  await expectError(emu, v3(undefined, { id: "LTAI5tNobody" }), 404, "InvalidAccessKeyId.NotFound");
  await expectError(emu, v1(undefined, { edit: (u) => u.replace("Version=2018-03-13", "Version=2017-01-01") }), 400, "InvalidVersion");
  await expectError(emu, v3(undefined, { edit: (p) => (p.headers["x-acs-version"] = "2017-01-01") }), 400, "InvalidVersion");
  await expectError(emu, v1(undefined, { edit: (u) => u.replace("Action=CreateSmartAccessGatewaySoftware", "Action=DeleteSmartAccessGateway") }), 404, "InvalidAction.NotFound");
  await expectError(emu, v3(undefined, { edit: (p) => (p.headers["x-acs-action"] = "DescribeRegions") }), 404, "InvalidAction.NotFound");
  await expectError(emu, v1(undefined, { edit: (u) => u.replace(/&Signature=[^&]+/, "") }), 400, "MissingParameter");
  await expectError(emu, v1(undefined, { edit: (u) => u.replace(/SignatureNonce=[^&]+&/, "") }), 400, "MissingParameter");
  await expectError(emu, v1(undefined, { edit: (u) => u.replace(/Timestamp=[^&]+/, "Timestamp=2026-13-01T00%3A00%3A00Z") }), 400, "InvalidTimeStamp.Format");
  await expectError(emu, new Request("https://smartag.cn-shanghai.aliyuncs.com/other?Action=x"), 404, "InvalidAction.NotFound");
  await expectError(emu, new Request("https://smartag.cn-shanghai.aliyuncs.com/", { method: "DELETE" }), 404, "InvalidAction.NotFound");
  assert.equal(emu.stats.orders, 0);
});

test("correctly signed but invalid params get the module's problem codes (V1 and V3)", async () => {
  const emu = emulator();
  const built = mod.buildRequest(SOFT, PARAMS[SOFT], { accessKeyId: ID });
  const cq = (edit) => edit(built.canonicalQuery).replace(/SignatureNonce=[^&]+/, `SignatureNonce=${crypto.randomUUID()}`);
  let r = await expectError(emu, v1Raw(cq((q) => q.replace("UserCount=5", "UserCount=7"))), 400, "SAG.InvalidUserCount");
  assert.equal(r.json.Message, "The specified UserCount is invalid.");
  await expectError(emu, v1Raw(cq((q) => q.replace("DataPlan=5", "DataPlan=10"))), 400, "SAG.InvalidDataPlan");
  await expectError(emu, v1Raw(cq((q) => q.replace("ChargeType=PREPAY&", ""))), 400, "MissingParameter");
  r = await expectError(emu, v1Raw(cq((q) => q.replace("Period=12", "Period=13"))), 400, "InvalidParameter");
  assert.equal(r.json.Message, 'The specified parameter "Period" is not valid.');

  const b3 = () => mod.buildRequest(SOFT, PARAMS[SOFT], { accessKeyId: ID, signature: "v3", method: "POST" });
  await expectError(emu, v3Resigned(b3(), "AutoPay=true&ChargeType=PREPAY&DataPlan=5&Period=12&RegionId=cn-shanghai&UserCount=7"), 400, "SAG.InvalidUserCount");
  await expectError(emu, v3Resigned(b3(), "AutoPay=true&DataPlan=5&Period=12&RegionId=cn-shanghai&UserCount=5"), 400, "MissingParameter");
  // The same re-signing with a correct query is accepted: the test's signer and the emulator agree.
  assert.equal((await emu(v3Resigned(b3(), b3().canonicalQuery))).status, 200);
  assert.equal(emu.stats.orders, 1);
});

test("faults: a Throttling.User answer, a delay, an order placed then a 500", async () => {
  const emu = emulator({
    fault: (info) =>
      info.request === 1 ? { status: 400, code: "Throttling.User" } : info.request === 2 ? { status: 500, code: "InternalError", placeOrder: true } : { delayMs: 20 },
  });
  await expectError(emu, v3(), 400, "Throttling.User");
  assert.equal(emu.stats.orders, 0);
  await expectError(emu, v3(), 500, "InternalError");
  assert.equal(emu.stats.orders, 1);
  const t = Date.now();
  assert.equal((await emu(v3())).status, 200);
  assert.ok(Date.now() - t >= 15);
});

test("the nonce memory is bounded: full -> Throttling.User, and it forgets nonces whose time stamp expired", async () => {
  let t = Date.parse("2026-01-01T00:00:00Z");
  const emu = emulator({ now: () => t, nonceCapacity: 2 });
  assert.equal((await emu(v1(undefined, { timestamp: stampOf(t) }))).status, 200);
  assert.equal((await emu(v1(undefined, { timestamp: stampOf(t) }))).status, 200);
  await expectError(emu, v1(undefined, { timestamp: stampOf(t) }), 400, "Throttling.User");
  t += 16 * 60_000; // the first two nonces' time stamps are now refused anyway: forgotten
  assert.equal((await emu(v1(undefined, { timestamp: stampOf(t) }))).status, 200);
});

// The emulator verifies V3 with the module's own reading of a request object.
test("the module verifies V3 itself: parseRequest({ method, url, headers, body }, { accessKeySecret })", () => {
  const built = mod.buildRequest(SOFT, PARAMS[SOFT], { accessKeyId: ID, signature: "v3", method: "POST" });
  const headers = { ...built.headers, authorization: mod.authorization(built, SECRET) };
  let r;
  assert.doesNotThrow(() => {
    r = mod.parseRequest({ method: "POST", url: built.url, headers, body: "" }, { accessKeySecret: SECRET });
  }, `the module at ${h.PKG} reads a request object`);
  assert.equal(r.signatureValid, true);
  assert.equal(mod.parseRequest({ method: "POST", url: built.url, headers, body: "" }, { accessKeySecret: "wrong" }).signatureValid, false);
});
