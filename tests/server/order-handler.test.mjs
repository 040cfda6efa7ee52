// createOrderHandler against the gateway emulator, in process (node --test tests/server/).
import test from "node:test";
import assert from "node:assert/strict";
import h from "./helpers.cjs";

const { mod, server, ID, SECRET, TOKEN, PARAMS, emulator, wired, order, read, leaks, captureConsole } = h;
const SOFT = "CreateSmartAccessGatewaySoftware";

test("a valid order is placed and answered with its OrderId (V3 and V1, POST and GET, every action)", async () => {
  for (const signature of ["v3", "v1"]) {
    for (const method of ["POST", "GET"]) {
      for (const action of Object.keys(PARAMS)) {
        const emu = emulator();
        const { handler } = wired(emu, { signature, method });
        const r = await read(await handler(order({ action, params: PARAMS[action] })));
        assert.equal(r.status, 200, `${signature} ${method} ${action}: ${r.text}`);
        assert.equal(r.json.ok, true);
        assert.match(r.json.result.OrderId, /^\d{15}$/);
        if (action.startsWith("Create")) assert.match(r.json.result.SmartAGId, /^sag-[a-z0-9]+$/);
        assert.equal(emu.stats.requests, 1);
        assert.equal(emu.stats.orders, 1);
        assert.equal(emu.orders[0].OrderId, r.json.result.OrderId);
        assert.equal(emu.orders[0].signature, signature);
        assert.equal(r.headers["cache-control"], "no-store");
      }
    }
  }
});

test("V3 is the default signature; an STS token is sent and signed", async () => {
  const emu = emulator();
  const { handler, seen } = wired(emu, { securityToken: TOKEN });
  const r = await read(await handler(order({ action: SOFT, params: PARAMS[SOFT] })));
  assert.equal(r.status, 200, r.text);
  const headers = new Headers(seen[0].init.headers);
  assert.match(headers.get("authorization"), /^ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId0001,SignedHeaders=[^,]*x-acs-security-token/);
  assert.equal(headers.get("x-acs-security-token"), TOKEN);
  assert.equal(new URL(seen[0].url).host, "smartag.cn-shanghai.aliyuncs.com");
});

test("credentials come from the SDKs' environment variables when not in the options, never from the request", async () => {
  const emu = emulator();
  const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN };
  let sent;
  const handler = server.createOrderHandler({ module: mod, env, log: false, fetch: async (u, i) => ((sent = new Request(u, i)), emu(new Request(u, i))) });
  const body = { action: SOFT, params: PARAMS[SOFT], accessKeyId: "attacker", accessKeySecret: "attacker-secret", securityToken: "x" };
  const r = await read(await handler(order(body, { headers: { authorization: "ACS3-HMAC-SHA256 Credential=attacker" } })));
  assert.equal(r.status, 200, r.text);
  assert.equal(sent.headers.get("x-acs-security-token"), TOKEN);
  assert.match(sent.headers.get("authorization"), /Credential=LTAI5tTestKeyId0001,/);

  assert.throws(() => server.createOrderHandler({ module: mod, env: {} }), (e) => e instanceof TypeError && /ALIBABA_CLOUD_ACCESS_KEY_ID/.test(e.message));
  assert.throws(
    () => server.createOrderHandler({ module: mod, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: ID } }),
    (e) => e instanceof TypeError && /ALIBABA_CLOUD_ACCESS_KEY_SECRET/.test(e.message),
  );
  // A malformed AccessKey ID fails at start, and the error names no secret.
  assert.throws(
    () => server.createOrderHandler({ module: mod, accessKeyId: "bad id", accessKeySecret: SECRET }),
    (e) => e instanceof RangeError && leaks(e.message).length === 0,
  );
});

test("every refusal is answered by the handler and reaches the gateway zero times", async (t) => {
  const big = JSON.stringify({ action: SOFT, params: { ...PARAMS[SOFT], BuyerMessage: "x".repeat(70 * 1024) } });
  const stream = (bytes, chunk = 4096) =>
    new ReadableStream({
      start(c) {
        for (let at = 0; at < bytes; at += chunk) c.enqueue(new Uint8Array(Math.min(chunk, bytes - at)).fill(0x20));
        c.close();
      },
    });
  const manyKeys = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`K${i}`, "1"]));
  const cases = [
    ["GET", () => new Request("http://shop.example/api/order"), 405, "MethodNotAllowed"],
    ["PUT", () => new Request("http://shop.example/api/order", { method: "PUT", body: "{}" }), 405, "MethodNotAllowed"],
    ["body over 64 KB (with Content-Length)", () => order(big), 413, "PayloadTooLarge"],
    [
      "body over 64 KB streamed without Content-Length",
      () => new Request("http://shop.example/", { method: "POST", headers: { "content-type": "application/json" }, body: stream(65 * 1024), duplex: "half" }),
      413,
      "PayloadTooLarge",
    ],
    ["not JSON", () => order("action=CreateSmartAccessGatewaySoftware"), 400, "InvalidJson"],
    ["JSON but not an object", () => order("[1,2]"), 400, "InvalidJson"],
    ["JSON null", () => order("null"), 400, "InvalidJson"],
    [
      "bytes that are not UTF-8",
      () => new Request("http://shop.example/", { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array([0x7b, 0xff, 0x7d]) }),
      400,
      "InvalidJson",
    ],
    ["text/plain (a cross-site form post)", () => order(JSON.stringify({ action: SOFT, params: PARAMS[SOFT] }), { headers: { "content-type": "text/plain" } }), 415, "UnsupportedMediaType"],
    ["an unknown action", () => order({ action: "DeleteSmartAccessGateway", params: {} }), 400, "InvalidAction"],
    ["no action", () => order({ params: PARAMS[SOFT] }), 400, "InvalidAction"],
    ["an action outside options.actions", () => order({ action: "UpgradeSmartAccessGatewaySoftware", params: PARAMS.UpgradeSmartAccessGatewaySoftware }), 403, "ActionNotAllowed"],
    ["params not an object", () => order({ action: SOFT, params: "RegionId=cn-shanghai" }), 400, "InvalidParams"],
    ["params an array", () => order({ action: SOFT, params: [] }), 400, "InvalidParams"],
    ["an unknown locale", () => order({ action: SOFT, params: PARAMS[SOFT], locale: "fr" }), 400, "InvalidLocale"],
    ["over 1,000 params (the module's limit)", () => order({ action: SOFT, params: manyKeys }), 400, "InvalidOrder"],
  ];
  for (const [name, make, status, code] of cases) {
    await t.test(name, async () => {
      const emu = emulator();
      const { handler, seen } = wired(emu, { actions: [SOFT, "CreateSmartAccessGateway"] });
      const r = await read(await handler(make()));
      assert.equal(r.status, status, r.text);
      assert.equal(r.json.ok, false);
      assert.equal(r.json.code, code);
      if (status === 405) assert.equal(r.headers.allow, "POST");
      assert.equal(seen.length, 0);
      assert.equal(emu.stats.requests, 0);
    });
  }
});

test("invalid params: 400 with every problem, in the asked locale; nothing sent", async () => {
  const emu = emulator();
  const { handler, seen } = wired(emu);
  const r = await read(await handler(order({ action: SOFT, params: { ...PARAMS[SOFT], UserCount: 7, ChargeType: "prepay" }, locale: "zh-CN" })));
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.errors.map((p) => [p.field, p.code]), [["ChargeType", "InvalidParameter"], ["UserCount", "SAG.InvalidUserCount"]].sort());
  assert.match(r.json.errors.find((p) => p.field === "UserCount").message, /5/);
  assert.match(r.json.errors[0].message, /[\u4e00-\u9fff]/);
  assert.equal(seen.length + emu.stats.requests, 0);
});

test("signing material sent by the client is refused in params and ignored beside them", async () => {
  // In params: the module refuses them as reserved (or as not the action's).
  for (const [key, value] of [
    ["Signature", "forged"],
    ["AccessKeyId", "attacker"],
    ["Timestamp", "2016-02-23T12:46:24Z"],
    ["SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"],
    ["SecurityToken", "t"],
    ["SignatureMethod", "HMAC-SHA1"],
    ["Format", "XML"],
    ["Version", "2017-01-01"],
    ["Action", "UpgradeSmartAccessGatewaySoftware"],
    ["__proto__", "x"],
  ]) {
    const emu = emulator();
    const { handler, seen } = wired(emu);
    const body = `{"action":"${SOFT}","params":${JSON.stringify(PARAMS[SOFT]).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}}`;
    const r = await read(await handler(order(body)));
    assert.equal(r.status, 400, `${key}: ${r.text}`);
    assert.ok(r.json.errors.some((p) => p.field === key), `${key}: ${r.text}`);
    assert.equal(seen.length + emu.stats.requests, 0, key);
  }

  // Beside params: ignored; what is signed is the handler's own.
  for (const signature of ["v3", "v1"]) {
    const emu = emulator();
    const { handler, seen } = wired(emu, { signature });
    const before = Date.now();
    const body = {
      action: SOFT,
      params: PARAMS[SOFT],
      stringToSign: "GET&%2F&AccessKeyId%3Dattacker",
      canonicalQuery: "AccessKeyId=attacker",
      canonicalRequest: "POST\n/\n\n\n\n",
      Signature: "AAAA",
      signature: "v1",
      AccessKeyId: "attacker",
      accessKeyId: "attacker",
      endpoint: "evil.example",
      url: "https://evil.example/?x=1",
      headers: { host: "evil.example", authorization: "ACS3-HMAC-SHA256 Credential=attacker" },
      Timestamp: "2016-02-23T12:46:24Z",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      timestamp: "2016-02-23T12:46:24Z",
      method: "GET",
      format: "XML",
    };
    const r = await read(await handler(order(body)));
    assert.equal(r.status, 200, r.text);
    const sent = seen[0].copy;
    assert.equal(new URL(sent.url).host, "smartag.cn-shanghai.aliyuncs.com");
    assert.equal(sent.method, "POST");
    const text = sent.url + "\n" + [...sent.headers].join("\n") + "\n" + (await sent.text());
    for (const bad of ["attacker", "evil.example", "3ee8c1b8", "2016-02-23", "AAAA", "XML"]) assert.ok(!text.includes(bad), `${signature}: ${bad} was sent`);
    const stamp = signature === "v3" ? sent.headers.get("x-acs-date") : new URLSearchParams(text.split("\n").pop()).get("Timestamp");
    assert.ok(Math.abs(Date.parse(stamp) - before) < 5000, `fresh time stamp, got ${stamp}`);
    // Nothing signed comes back to the client: no signature, URL or header.
    for (const secretish of ["Signature", "ACS3", "smartag.cn-shanghai.aliyuncs.com/?", "x-acs-"]) {
      assert.ok(!r.text.includes(secretish), `${signature}: the answer holds ${secretish}`);
    }
  }
});

test("the handler is no signing oracle: two identical orders are two fresh requests", async () => {
  const emu = emulator();
  const { handler, seen } = wired(emu);
  await handler(order({ action: SOFT, params: PARAMS[SOFT] }));
  await handler(order({ action: SOFT, params: PARAMS[SOFT] }));
  const nonce = (i) => new Headers(seen[i].init.headers).get("x-acs-signature-nonce");
  assert.notEqual(nonce(0), nonce(1));
  assert.equal(new Set(emu.orders.map((o) => o.OrderId)).size, 2);
});

test("authorize: false -> 403, a throw -> 401, a Response is answered as is; none reaches the gateway", async () => {
  for (const [authorize, status] of [
    [() => false, 403],
    [() => undefined, 403],
    [async () => "yes", 403],
    [() => {
      throw new Error(`no session (${SECRET})`);
    }, 401],
    [async () => new Response("sign in", { status: 401, headers: { "www-authenticate": "Bearer" } }), 401],
  ]) {
    const emu = emulator();
    const { handler, seen } = wired(emu, { authorize });
    const [r, logged] = await captureConsole(async () => read(await handler(order({ action: SOFT, params: PARAMS[SOFT] }))));
    assert.equal(r.status, status, r.text);
    assert.equal(seen.length + emu.stats.requests, 0);
    assert.deepEqual(leaks(r.text + logged), []);
  }
  // authorize sees the request (its headers), before the body is read.
  const emu = emulator();
  const { handler } = wired(emu, { authorize: (req) => req.headers.get("authorization") === "Bearer good" });
  assert.equal((await handler(order({ action: SOFT, params: PARAMS[SOFT] }, { headers: { authorization: "Bearer bad" } }))).status, 403);
  assert.equal((await handler(order({ action: SOFT, params: PARAMS[SOFT] }, { headers: { authorization: "Bearer good" } }))).status, 200);
});

test("policy: its problems -> 400, a throw -> 500, warnings pass; it sees the params as they would be sent", async () => {
  const limit = (action, params) =>
    Number(params.UserCount) > 100
      ? [{ field: "UserCount", rule: "range", code: "InvalidParameter", message: "At most 100 accounts per order here.", params: { max: 100 }, severity: "error" }]
      : [{ field: "RegionId", rule: "format", code: "InvalidParameter", message: "just a note", params: {}, severity: "warning" }];
  let seenParams;
  const emu = emulator();
  const { handler, seen } = wired(emu, { policy: (a, p) => ((seenParams = p), limit(a, p)) });
  const r = await read(await handler(order({ action: SOFT, params: { ...PARAMS[SOFT], UserCount: "105" } })));
  assert.equal(r.status, 400);
  assert.equal(r.json.errors[0].message, "At most 100 accounts per order here.");
  assert.equal(seen.length + emu.stats.requests, 0);
  assert.deepEqual(seenParams, { AutoPay: "true", ChargeType: "PREPAY", DataPlan: "5", Period: "12", RegionId: "cn-shanghai", UserCount: "105" });
  assert.equal((await handler(order({ action: SOFT, params: PARAMS[SOFT] }))).status, 200);

  const emu2 = emulator();
  const { handler: h2, seen: s2 } = wired(emu2, { policy: () => { throw new Error("db down"); } });
  assert.equal((await h2(order({ action: SOFT, params: PARAMS[SOFT] }))).status, 500);
  assert.equal(s2.length + emu2.stats.requests, 0);
});

test("a wrong secret: the gateway's SignatureDoesNotMatch is relayed; an unknown key: InvalidAccessKeyId.NotFound", async () => {
  for (const signature of ["v3", "v1"]) {
    const emu = emulator();
    const { handler } = wired(emu, { signature, accessKeySecret: "not-the-secret" });
    const r = await read(await handler(order({ action: SOFT, params: PARAMS[SOFT] })));
    assert.equal(r.status, 400);
    assert.equal(r.json.ok, false);
    assert.equal(r.json.code, "SignatureDoesNotMatch");
    assert.match(r.json.requestId, /^[0-9A-F-]{36}$/);
    assert.equal(emu.stats.requests, 1);
    assert.equal(emu.stats.orders, 0);

    const { handler: h2 } = wired(emu, { signature, accessKeyId: "LTAI5tUnknownKey" });
    const r2 = await read(await h2(order({ action: SOFT, params: PARAMS[SOFT] })));
    assert.equal(r2.status, 404);
    assert.equal(r2.json.code, "InvalidAccessKeyId.NotFound");
  }
});

test("the gateway's validation error is relayed (SAG.InvalidUserCount from a fault)", async () => {
  const emu = emulator({ fault: () => ({ status: 400, code: "SAG.InvalidUserCount", message: "The specified UserCount is invalid." }) });
  const { handler } = wired(emu);
  const r = await read(await handler(order({ action: "UpgradeSmartAccessGatewaySoftware", params: PARAMS.UpgradeSmartAccessGatewaySoftware })));
  assert.equal(r.status, 400);
  assert.equal(r.json.code, "SAG.InvalidUserCount");
  assert.equal(r.json.message, "The specified UserCount is invalid.");
  assert.equal(emu.stats.requests, 1);
});

test("no retry on a 5xx, a timeout or a network error (the order may exist): 502 / 504", async () => {
  for (const [status, code] of [[500, "InternalError"], [503, "ServiceUnavailable"], [502, "BadGateway"]]) {
    const emu = emulator({ fault: () => ({ status, code, placeOrder: true }) });
    const { handler } = wired(emu);
    const r = await read(await handler(order({ action: SOFT, params: PARAMS[SOFT] })));
    assert.equal(r.status, 502, `${status}: ${r.text}`);
    assert.equal(r.json.code, code);
    assert.equal(emu.stats.requests, 1, `${status} was retried`);
    assert.equal(emu.stats.orders, 1);
  }

  const slow = emulator({ fault: () => ({ delayMs: 300 }) });
  const { handler: timing } = wired(slow, { timeoutMs: 50 });
  const r = await read(await timing(order({ action: SOFT, params: PARAMS[SOFT] })));
  assert.equal(r.status, 504);
  assert.equal(r.json.code, "GatewayTimeout");
  await new Promise((res) => setTimeout(res, 400));
  assert.equal(slow.stats.requests, 1, "a timed-out order was retried");
  assert.equal(slow.stats.orders, 1, "the slow order was placed: the outcome was unknown, hence no retry");

  // A fetch that never settles and ignores the abort signal still times out.
  let calls = 0;
  const hung = server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, log: false, timeoutMs: 50, fetch: () => (calls++, new Promise(() => {})) });
  assert.equal((await hung(order({ action: SOFT, params: PARAMS[SOFT] }))).status, 504);
  assert.equal(calls, 1);

  calls = 0;
  const down = server.createOrderHandler({
    module: mod,
    accessKeyId: ID,
    accessKeySecret: SECRET,
    log: false,
    fetch: async () => {
      calls++;
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }) });
    },
  });
  const r3 = await read(await down(order({ action: SOFT, params: PARAMS[SOFT] })));
  assert.equal(r3.status, 502);
  assert.equal(r3.json.code, "GatewayUnreachable");
  assert.equal(calls, 1);
});

test("throttling (no OrderId) is retried at most twice, each time with a fresh nonce and time", async () => {
  for (const status of [400, 429, 503]) {
    const emu = emulator({ fault: (info) => (info.request <= 2 ? { status, code: "Throttling.User" } : undefined) });
    const { handler, seen } = wired(emu);
    const r = await read(await handler(order({ action: SOFT, params: PARAMS[SOFT] })));
    assert.equal(r.status, 200, `${status}: ${r.text}`);
    assert.equal(emu.stats.requests, 3);
    assert.equal(emu.stats.orders, 1);
    assert.equal(new Set(seen.map((s) => new Headers(s.init.headers).get("x-acs-signature-nonce"))).size, 3);
  }
  const always = emulator({ fault: () => ({ status: 400, code: "Throttling.Api" }) });
  const { handler } = wired(always);
  const r = await read(await handler(order({ action: SOFT, params: PARAMS[SOFT] })));
  assert.equal(r.status, 400);
  assert.equal(r.json.code, "Throttling.Api");
  assert.equal(always.stats.requests, 3, "more than two retries");

  // A throttling answer that carries an OrderId is not retried (an order may exist).
  let calls = 0;
  const odd = server.createOrderHandler({
    module: mod,
    accessKeyId: ID,
    accessKeySecret: SECRET,
    log: false,
    retry: { baseDelayMs: 1 },
    fetch: async () => (calls++, new Response(JSON.stringify({ Code: "Throttling.User", Message: "m", OrderId: "203000000000001", RequestId: "R" }), { status: 400 })),
  });
  assert.equal((await odd(order({ action: SOFT, params: PARAMS[SOFT] }))).status, 400);
  assert.equal(calls, 1);
  // Nor is throttling with another status (a 500 may have placed it).
  calls = 0;
  const odd500 = server.createOrderHandler({
    module: mod,
    accessKeyId: ID,
    accessKeySecret: SECRET,
    log: false,
    fetch: async () => (calls++, new Response(JSON.stringify({ Code: "Throttling", Message: "m", RequestId: "R" }), { status: 500 })),
  });
  await odd500(order({ action: SOFT, params: PARAMS[SOFT] }));
  assert.equal(calls, 1);
  assert.throws(() => wired(always, { retry: { retries: 3 } }), RangeError);
});

test("a 2xx answer that is not the gateway's is a 502, not a success", async () => {
  for (const body of ["<html>proxy</html>", "{}", JSON.stringify({ RequestId: "R" })]) {
    const handler = server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, log: false, fetch: async () => new Response(body, { status: 200 }) });
    const r = await read(await handler(order({ action: SOFT, params: PARAMS[SOFT] })));
    assert.equal(r.status, 502, body);
    assert.equal(r.json.ok, false);
  }
});

test("the secret and the token appear in no answer (body or header) and in nothing logged", async () => {
  const [texts, logged] = await captureConsole(async () => {
    const out = [];
    const run = async (handler, body = { action: SOFT, params: PARAMS[SOFT] }) => {
      const r = await read(await handler(order(body)));
      out.push(r.text, JSON.stringify(r.headers));
    };
    const emu = emulator();
    const base = { securityToken: TOKEN, log: undefined };
    await run(wired(emu, base).handler);
    await run(wired(emu, { ...base, signature: "v1" }).handler);
    await run(wired(emu, { ...base, accessKeySecret: SECRET + "x" }).handler);
    await run(wired(emu, base).handler, { action: SOFT, params: { ...PARAMS[SOFT], BuyerMessage: SECRET } });
    await run(wired(emu, base).handler, { action: SOFT, params: { ...PARAMS[SOFT], UserCount: SECRET } });
    // A fetch whose errors quote the secret and the token (a proxy URL with credentials, say).
    const leaky = async (url) => {
      throw new TypeError(`fetch failed for ${url}`, { cause: new Error(`proxy said: bad credentials ${SECRET} ${TOKEN} ${encodeURIComponent(SECRET)}`) });
    };
    await run(server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN, fetch: leaky }));
    // A gateway (or something posing as it) that echoes the secret back.
    const echo = async () => new Response(JSON.stringify({ Code: "X", Message: `echo ${SECRET} ${TOKEN}`, RequestId: "R" }), { status: 400, headers: { "x-echo": SECRET } });
    await run(server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN, fetch: echo }));
    // Timeouts and throws inside authorize / policy, logged by the default logger.
    await run(server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, timeoutMs: 20, fetch: () => new Promise(() => {}) }));
    await run(server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, authorize: () => { throw new Error(SECRET); } }));
    await run(server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, fetch: echo, policy: () => { throw new Error(SECRET); } }));
    return out;
  });
  assert.ok(logged.includes("gateway-unreachable") && logged.includes("gateway-timeout"), `the default logger logged: ${logged}`);
  assert.ok(logged.includes("***"), "the secret was scrubbed from a logged fetch error");
  const all = texts.join("\n") + "\n" + logged;
  assert.deepEqual(leaks(all), []);
});

test("options: endpoint https host or loopback http URL; misuse throws at start", async () => {
  const emu = emulator();
  let sentUrl;
  const handler = server.createOrderHandler({
    module: mod,
    accessKeyId: ID,
    accessKeySecret: SECRET,
    endpoint: "http://127.0.0.1:9",
    log: false,
    fetch: async (u, i) => ((sentUrl = u), emu(new Request(u, i))),
  });
  assert.equal((await handler(order({ action: SOFT, params: PARAMS[SOFT] }))).status, 200);
  assert.match(sentUrl, /^http:\/\/127\.0\.0\.1:9\/\?/);
  for (const endpoint of ["http://smartag.cn-shanghai.aliyuncs.com", "https://x.example/path", "ftp://127.0.0.1", "https://u:p@x.example", ""]) {
    assert.throws(() => server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, endpoint }), endpoint);
  }
  assert.throws(() => server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, actions: ["DeleteEverything"] }), RangeError);
  assert.throws(() => server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, signature: "v2" }), RangeError);
  assert.throws(() => server.createOrderHandler({ module: { actions() {} }, accessKeyId: ID, accessKeySecret: SECRET }), TypeError);
  assert.throws(() => server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: "tiny7" }), (e) => e instanceof RangeError && !e.message.includes("tiny7"));
});

test("the module offers parseResponse, and the handler answers with its result (hint included)", async () => {
  const emu = emulator();
  const { handler } = wired(emu, { accessKeySecret: "wrong-secret-value" });
  const r = await read(await handler(order({ action: SOFT, params: PARAMS[SOFT] })));
  assert.equal(r.json.code, "SignatureDoesNotMatch");
  assert.ok(typeof r.json.hint === "string" && r.json.hint.length > 0, "parseResponse gives a hint");
});
