// Alibaba's official Node SDKs build and sign each case themselves.
//
//   node tests/official/node_clients.mjs < cases.jsonl > captured.jsonl
//
// For every case (tests/official/cases.py) and every client below, the SDK is
// given the case's values as an application gives them (typed values; a Long
// beyond 2^53 as a BigInt, since a JS number would lose digits) and builds,
// signs and "sends" its request; the HTTP call is intercepted, so nothing leaves
// the machine, and what would have gone on the wire is written as one JSON line.
//
// Clients:
// - pop-core (@alicloud/pop-core RPCClient.request): V1, GET and POST (opts.method),
//   Format JSON or XML (a Format parameter overrides its default).
// - openapi-client (@alicloud/openapi-client Client.callApi, called with the
//   Params and query map that a generated Smartag client passes: there is no
//   Smartag package for Node on npm, so this mirrors
//   alibabacloud_smartag20180313's generated *_with_options: the model's
//   non-null fields in the query through OpenApiUtil.query, action, version
//   2018-03-13, protocol HTTPS, pathname "/", style RPC, authType AK,
//   reqBodyType formData, bodyType json; the method is the case's, GET or POST).
//   V3 (ACS3-HMAC-SHA256) by default; V1 with Config signatureAlgorithm "v2"
//   (callApi: anything but "v2" goes to doRequest, the V3 path).
//
// Fixed time and nonce, and the interception (monkey patches, nothing else):
// - pop-core: its `timestamp()` reads `new Date()`: the global Date is replaced
//   by a subclass whose argument-less construction is the case's time;
//   kitx.makeNonce (pop-core's kitx, looked up at call time) returns the case's
//   nonce; httpx.request (pop-core's httpx) records the URL and options and throws.
// - openapi-client: OpenApiUtil.getTimestamp and Util.getNonce (tea-util), as
//   openapi-client resolves them, return the case's; $tea.doAction
//   (@alicloud/tea-typescript) records the request and goes on into the real
//   doAction, which writes the URL and hands it to httpx.request (the same httpx
//   as pop-core's), which records it and throws.
//
// Each record's `sent` holds the method, host, path, the query as decoded pairs,
// the body and the headers as the client hands them to httpx, and `url`: the full
// URL httpx was given to send.
import { createRequire } from "node:module";
import readline from "node:readline";

const here = createRequire(import.meta.url);
const RPCClient = here("@alicloud/pop-core").RPCClient;
const popRequire = createRequire(here.resolve("@alicloud/pop-core"));
const popHttpx = popRequire("httpx");
const popKitx = popRequire("kitx");
const OpenApi = here("@alicloud/openapi-client");
const apiRequire = createRequire(here.resolve("@alicloud/openapi-client"));
const OpenApiUtil = apiRequire("@alicloud/openapi-util").default;
const TeaUtil = apiRequire("@alicloud/tea-util");
const tea = apiRequire("@alicloud/tea-typescript");

const now = { timestamp: "", nonce: "" };
let sent = [];

class Intercepted extends Error {}

const RealDate = globalThis.Date;
globalThis.Date = class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0 && now.timestamp) super(now.timestamp);
    else super(...args);
  }
  static now() {
    return now.timestamp ? RealDate.parse(now.timestamp) : RealDate.now();
  }
};
popKitx.makeNonce = () => now.nonce;
// What httpx was given to send: the wire.
let wire = [];
popHttpx.request = async (url, opts) => {
  wire.push({ url, opts });
  throw new Intercepted("intercepted");
};
OpenApiUtil.getTimestamp = () => now.timestamp;
TeaUtil.default.getNonce = () => now.nonce;
const realDoAction = tea.doAction;
tea.doAction = async (request, runtime) => {
  sent.push({ request });
  return realDoAction(request, runtime);
};

/** The one request httpx was given. */
function onWire() {
  if (wire.length !== 1) throw new Error(`expected one request on the wire, saw ${wire.length}`);
  return wire[0];
}

/** The case's values as a JS caller holds them. */
function typed(params) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v !== null && typeof v === "object" ? BigInt(v.bigint) : v]));
}

/** The default endpoint: Alibaba's regional rule for Smartag, `smartag.<RegionId>.aliyuncs.com`, which every
 * entry of the Python SDK's endpoint map follows (the Node clients take an endpoint from their caller). */
const endpointOf = (c) => c.endpoint ?? `smartag.${c.params.RegionId}.aliyuncs.com`;

/** A query string or form body, decoded exactly (`+` stays a plus sign). */
function decodeQuery(text) {
  if (!text) return [];
  return text.split("&").map((part) => {
    const i = part.indexOf("=");
    const [k, v] = i < 0 ? [part, ""] : [part.slice(0, i), part.slice(i + 1)];
    return [decodeURIComponent(k), decodeURIComponent(v)];
  });
}

const lowerKeys = (headers) => Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));

async function popCore(c) {
  const client = new RPCClient({
    accessKeyId: c.accessKeyId,
    accessKeySecret: c.secret,
    securityToken: c.securityToken ?? undefined,
    endpoint: `https://${endpointOf(c)}`,
    apiVersion: "2018-03-13",
  });
  wire = [];
  // A caller asks pop-core for XML by passing Format, which overrides its default JSON.
  const params = c.format === "XML" ? { ...typed(c.params), Format: "XML" } : typed(c.params);
  await client.request(c.action, params, { method: c.method }).catch((e) => {
    if (!(e instanceof Intercepted)) throw e;
  });
  const { url, opts } = onWire();
  const u = new URL(url);
  const body = opts.data ?? null;
  return {
    method: opts.method ?? "GET",
    host: u.host,
    pathname: u.pathname,
    url,
    // GET: the parameters are in the URL; POST: in the form body (pop-core's URL is then bare).
    query: decodeQuery(body ?? u.search.slice(1)),
    rawQuery: body ?? u.search.slice(1),
    paramsIn: body === null ? "url" : "body",
    body,
    headers: lowerKeys(opts.headers),
  };
}

async function openapiClient(c, signature) {
  const config = new OpenApi.Config({
    accessKeyId: c.accessKeyId,
    accessKeySecret: c.secret,
    securityToken: c.securityToken ?? undefined,
    regionId: c.params.RegionId,
    endpoint: endpointOf(c),
    signatureAlgorithm: signature === "v1" ? "v2" : undefined,
  });
  const client = new OpenApi.default(config);
  const params = new OpenApi.Params({
    action: c.action,
    version: "2018-03-13",
    protocol: "HTTPS",
    pathname: "/",
    method: c.method,
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  const request = new OpenApi.OpenApiRequest({ query: OpenApiUtil.query(typed(c.params)) });
  sent = [];
  wire = [];
  await client.callApi(params, request, new TeaUtil.RuntimeOptions({})).catch((e) => {
    if (!(e instanceof Intercepted) && !String(e?.message ?? e).includes("intercepted")) throw e;
  });
  if (sent.length !== 1) throw new Error(`expected one request, saw ${sent.length}`);
  const r = sent[0].request;
  const { url } = onWire();
  const body = r.body == null ? null : typeof r.body === "string" ? r.body : String(r.body);
  return {
    method: r.method,
    host: r.headers.host,
    pathname: r.pathname,
    url,
    // The client's own query map, which tea-typescript writes into the URL as it is.
    query: Object.entries(r.query ?? {}).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]),
    body: body || null,
    headers: lowerKeys(r.headers),
  };
}

const CLIENTS = [
  ["pop-core", "v1", popCore],
  ["openapi-client", "v3", (c) => openapiClient(c, "v3")],
  ["openapi-client", "v1", (c) => openapiClient(c, "v1")],
];

// Alibaba's published worked examples (SPEC §4), built and signed by the clients themselves:
// ECS DescribeRegions (V1, GET) through pop-core, and ECS RunInstances (V3, POST) from the
// "V3 request structure and signature" page through openapi-client, given a credential
// without a provider name (as a caller's own credential object may be) so that it signs
// exactly the page's six headers.
async function published() {
  now.timestamp = "2016-02-23T12:46:24Z";
  now.nonce = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";
  const v1 = { id: "published-v1-DescribeRegions", client: "pop-core", signature: "v1", accessKeyId: "testid", secret: "testsecret" };
  v1.expected = "OLeaidS1JvxuMvnyHOwuJ+uX5qY=";
  const pop = new RPCClient({ accessKeyId: "testid", accessKeySecret: "testsecret", endpoint: "https://ecs.aliyuncs.com", apiVersion: "2014-05-26" });
  wire = [];
  await pop.request("DescribeRegions", { Format: "XML" }, { method: "GET" }).catch((e) => {
    if (!(e instanceof Intercepted)) throw e;
  });
  const { url, opts } = onWire();
  const u = new URL(url);
  v1.sent = { method: "GET", host: u.host, pathname: u.pathname, url, query: decodeQuery(u.search.slice(1)), rawQuery: u.search.slice(1), body: null, headers: lowerKeys(opts.headers) };

  now.timestamp = "2023-10-26T10:22:32Z";
  now.nonce = "3156853299f313e23d1673dc12e1703d";
  const v3 = { id: "published-v3-RunInstances", client: "openapi-client", signature: "v3", accessKeyId: "YourAccessKeyId", secret: "YourAccessKeySecret" };
  v3.expected = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
  const credential = { getCredential: async () => ({ accessKeyId: v3.accessKeyId, accessKeySecret: v3.secret, type: "access_key" }) };
  const client = new OpenApi.default(new OpenApi.Config({ credential, endpoint: "ecs.cn-shanghai.aliyuncs.com", regionId: "cn-shanghai" }));
  const params = new OpenApi.Params({
    action: "RunInstances", version: "2014-05-26", protocol: "HTTPS", pathname: "/", method: "POST",
    authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
  });
  const query = { ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", RegionId: "cn-shanghai" };
  sent = [];
  wire = [];
  await client.callApi(params, new OpenApi.OpenApiRequest({ query }), new TeaUtil.RuntimeOptions({})).catch((e) => {
    if (!(e instanceof Intercepted) && !String(e?.message ?? e).includes("intercepted")) throw e;
  });
  const r = sent[0].request;
  v3.sent = { method: r.method, host: r.headers.host, pathname: r.pathname, url: onWire().url, query: Object.entries(r.query), body: null, headers: lowerKeys(r.headers) };
  return [v1, v3];
}

for (const record of await published()) process.stdout.write(`${JSON.stringify(record)}\n`);

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const c = JSON.parse(line);
  now.timestamp = c.timestamp;
  now.nonce = c.nonce;
  for (const [client, signature, build] of CLIENTS) {
    const record = { id: c.id, client, signature };
    try {
      record.sent = await build(c);
    } catch (e) {
      record.error = `${e?.name}: ${e?.message ?? e}`;
    }
    process.stdout.write(`${JSON.stringify(record)}\n`);
  }
}
