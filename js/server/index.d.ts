// smartag-request/server — types of the Node half that places orders (SPEC §7).
// Hand-written; the module's own types come from the Node build next to it.
import type { ActionName, Locale, Problem, ResponseFailure, ResponseSuccess } from "../smartag_request";
export type { ActionName, Locale, Problem };

/** A web-standard handler: Node 20's global Request and Response. */
export type Handler = (request: Request) => Promise<Response>;

/** The Node build of smartag-request, or anything with the functions the server half calls. */
export type SmartagModule = typeof import("../smartag_request");

/** What the gateway answered, as the module's parseResponse reads it. */
export type OrderPlaced = ResponseSuccess;
/** The gateway's refusal (its `Code`, `Message` …, and a hint for the buyer). */
export type GatewayRefusal = ResponseFailure;

/** The order was not sent (or its outcome is unknown): the handler's own answer. */
export interface HandlerRefusal {
  ok: false;
  status: number;
  code:
    | "MethodNotAllowed" // 405, with Allow: POST
    | "Unauthorized" // 401: authorize threw
    | "Forbidden" // 403: authorize did not return true
    | "UnsupportedMediaType" // 415: not Content-Type: application/json
    | "PayloadTooLarge" // 413: body over maxBodyBytes (64 KiB)
    | "InvalidJson" // 400: not UTF-8 JSON, or not an object
    | "InvalidAction" // 400: no action, or not one of the module's
    | "ActionNotAllowed" // 403: not in options.actions
    | "InvalidParams" // 400: params is not an object
    | "InvalidLocale" // 400
    | "InvalidOrder" // 400: the module refused the params outright (over 1,000 keys, say)
    | "PolicyFailed" // 500: policy threw or returned something other than an array
    | "GatewayUnreachable" // 502: a network error; not retried, the order may exist
    | "GatewayTimeout" // 504: no answer within timeoutMs; not retried, the order may exist
    | "GatewayError" // 502: an answer that could not be read; not retried, the order may exist
    | "InternalError"; // 500
  message: string;
}

/** An order the module's validation or the policy refused: 400, nothing was sent. */
export interface InvalidOrder {
  ok: false;
  status: 400;
  errors: Problem[];
}

/**
 * The JSON body of every answer of the order handler. HTTP status: 200 for
 * OrderPlaced; the gateway's status for a GatewayRefusal (502 when the gateway
 * failed with a 5xx, which is never retried); HandlerRefusal's and InvalidOrder's `status`.
 */
export type OrderAnswer = OrderPlaced | GatewayRefusal | HandlerRefusal | InvalidOrder;

/** The order body the handler reads: only these three keys; any other key is ignored. */
export interface OrderRequestBody {
  action: ActionName;
  params: Record<string, unknown>;
  locale?: Locale;
}

export interface OrderHandlerOptions {
  /** The AccessKey ID; default `process.env.ALIBABA_CLOUD_ACCESS_KEY_ID`. Never taken from a request. */
  accessKeyId?: string;
  /** The AccessKey secret; default `process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET`. Never in an answer or a log. */
  accessKeySecret?: string;
  /** An STS token; default `process.env.ALIBABA_CLOUD_SECURITY_TOKEN`. Scrubbed like the secret. */
  securityToken?: string;
  /** The actions that may be ordered; default every action of the module (all are order actions). */
  actions?: ActionName[];
  /** `"v3"` (ACS3-HMAC-SHA256, the default) or `"v1"` (HMAC-SHA1). */
  signature?: "v3" | "v1";
  /** The HTTP method of the gateway request: `"POST"` (default; never cached or replayed by proxies) or `"GET"`. */
  method?: "POST" | "GET";
  /**
   * The gateway: a host[:port], sent with https (default `smartag.<RegionId>.aliyuncs.com`),
   * or an origin URL with no path: https anywhere, http only to 127.0.0.1, localhost or [::1].
   */
  endpoint?: string;
  /** Called as `fetch(url, { method, headers, body, signal })`; default `globalThis.fetch`. */
  fetch?: (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal }) => Promise<Response>;
  /**
   * Decides, from the request's headers (cookie, Authorization …), whether the caller may order.
   * `true` allows; a Response is answered as is; anything else is 403; a throw is 401.
   * It must not read the body. THE DEFAULT ALLOWS EVERYONE: set it in every deployment.
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>;
  /**
   * Extra rules of the deployment (a quota, allowed regions …), after the module's validation.
   * `params` are the business parameters exactly as they will be sent. Any problem that is not
   * a warning refuses the order with 400; a throw is 500. Nothing is sent in either case.
   */
  policy?: (
    action: ActionName,
    params: Readonly<Record<string, string>>,
    context: { request: Request; locale: Locale },
  ) => Problem[] | undefined | null | Promise<Problem[] | undefined | null>;
  /** The default locale of messages; an order's `locale` overrides it. */
  locale?: Locale;
  /** How long to wait for the gateway's whole answer; default 30000. Then 504, never a retry. */
  timeoutMs?: number;
  /** The largest order body read, in bytes; default 65536 (64 KiB). */
  maxBodyBytes?: number;
  /** Retries of a throttled order (a Throttling* code, HTTP 400/429/503, no OrderId): `retries` 0–2 (default 2), exponential backoff with jitter. */
  retry?: { retries?: 0 | 1 | 2; baseDelayMs?: number; maxDelayMs?: number };
  /** Events (gateway timeout, network error, throttling …), every string scrubbed of the secret and token; default one console.warn line each; false for none. */
  log?: ((entry: { event: string; [key: string]: unknown }) => void) | false;
  /** The smartag-request Node build; default the one this folder ships next to (`../smartag_request.js`). */
  module?: SmartagModule;
  /** Where to read the ALIBABA_CLOUD_* variables; default `process.env`. */
  env?: Record<string, string | undefined>;
}

/** POST JSON `{ action, params, locale? }` in, an OrderAnswer out. Throws at creation for misuse (no credentials, a bad option). */
export declare function createOrderHandler(options?: OrderHandlerOptions): Handler;

/** What `options.fault` sees of a request that passed every gateway check. */
export interface FaultInfo {
  action: string;
  params: Record<string, unknown>;
  signature: "v1" | "v3";
  accessKeyId: string;
  /** The number of requests the emulator has received, this one included (1-based). */
  request: number;
  /** Orders placed so far. */
  orders: number;
}

/** A fault to inject: wait `delayMs`, place the order or not, then answer `code` with `status` (or, without `code`, normally). */
export interface Fault {
  status?: number;
  code?: string;
  message?: string;
  delayMs?: number;
  /** Place the order before answering the error (a 5xx after the order exists). */
  placeOrder?: boolean;
}

export interface GatewayEmulatorOptions {
  /** The AccessKeys it knows. */
  credentials: Array<{ accessKeyId: string; accessKeySecret: string }>;
  /** Called for each request that passed the gateway's checks, before its params are validated. */
  fault?: (info: FaultInfo) => Fault | undefined | null | Promise<Fault | undefined | null>;
  /** The clock, in ms; default Date.now. */
  now?: () => number;
  /** Nonces remembered at most (each until its time stamp expires); default 100000. When full: Throttling.User. */
  nonceCapacity?: number;
  /** The largest request body read; default 1 MiB. */
  maxBodyBytes?: number;
  /** Orders kept in `orders`; default 10000. */
  keepOrders?: number;
  module?: SmartagModule;
}

export interface PlacedOrder {
  RequestId: string;
  OrderId: string;
  SmartAGId?: string;
  ResourceGroupId?: string;
  action: string;
  signature: "v1" | "v3";
  accessKeyId: string;
  params: Record<string, unknown>;
}

/** The emulator: a Handler with its counters. */
export interface GatewayEmulator extends Handler {
  readonly stats: { requests: number; orders: number; refused: number };
  readonly orders: readonly PlacedOrder[];
  reset(): void;
}

/** A local stand-in for the Smartag gateway, for tests and the demo. NEVER FOR PRODUCTION. */
export declare function createGatewayEmulator(options: GatewayEmulatorOptions): GatewayEmulator;

/**
 * What toNodeListener reads of node:http's IncomingMessage (declared here so the
 * types need no @types/node; an IncomingMessage is one).
 */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  headers: { host?: string | undefined };
  rawHeaders: string[];
  complete: boolean;
  destroy(error?: Error): unknown;
}

/** What toNodeListener calls on node:http's ServerResponse (a ServerResponse is one). */
export interface NodeResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: Uint8Array): unknown;
  once(event: "finish", listener: () => void): unknown;
}

/** Mounts a Handler in node:http: `http.createServer(toNodeListener(handler))`, or call it from a route. */
export declare function toNodeListener(
  handler: Handler,
  options?: { origin?: string },
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void>;
