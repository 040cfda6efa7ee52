// A consumer of smartag-request/server's types (tests/server/types/check.sh).
import { createOrderHandler, createGatewayEmulator, toNodeListener } from "./server/index";
import type { OrderAnswer, Problem } from "./server/index";
import * as smartag from "./smartag_request";

const emulator = createGatewayEmulator({
  credentials: [{ accessKeyId: "id", accessKeySecret: "secret" }],
  fault: (info) => (info.request === 1 ? { status: 400, code: "Throttling.User" } : undefined),
  module: smartag,
});
const handler = createOrderHandler({
  module: smartag,
  actions: ["CreateSmartAccessGatewaySoftware"],
  signature: "v1",
  endpoint: "http://127.0.0.1:8081",
  fetch: (url, init) => emulator(new Request(url, init)),
  authorize: (request) => request.headers.get("authorization") === "Bearer t",
  policy: (action, params) => (Number(params.UserCount) > 100 ? [] : null),
  retry: { retries: 1 },
  log: false,
});
const listener = toNodeListener(handler);
void listener;
const n: number = emulator.stats.orders;
void n;

async function place(): Promise<string | undefined> {
  const answer = (await (await handler(new Request("http://x/", { method: "POST", body: "{}" }))).json()) as OrderAnswer;
  if (answer.ok) return answer.result.OrderId;
  if ("errors" in answer) return (answer.errors as Problem[])[0]?.message;
  return answer.code;
}
void place;

// @ts-expect-error: no signature "v2"
createOrderHandler({ signature: "v2" });
// @ts-expect-error: not an action
createOrderHandler({ actions: ["DeleteEverything"] });
// @ts-expect-error: at most two retries
createOrderHandler({ retry: { retries: 3 } });
// @ts-expect-error: the emulator needs credentials
createGatewayEmulator({});

// The global fetch fits the fetch option as it is.
createOrderHandler({ fetch: globalThis.fetch, accessKeyId: "id" });
