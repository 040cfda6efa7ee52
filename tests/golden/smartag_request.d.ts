/* tslint:disable */
/* eslint-disable */
/** The six order actions, in the order `actions()` lists them. */
export type ActionName =
| "CreateSmartAccessGatewaySoftware"
| "CreateSmartAccessGateway"
| "UpgradeSmartAccessGatewaySoftware"
| "UpgradeSmartAccessGateway"
| "DowngradeSmartAccessGateway"
| "DowngradeSmartAccessGatewaySoftware";

/**
 * An action name only known at run time: `A` when it is the wide `string`, `never`
 * for a literal, so that a literal must match an `ActionName` overload (and its params).
 */
export type RuntimeName<A extends string> = string extends A ? A : never;

/** A locale of the message catalogs, labels and help texts. */
export type Locale = "en" | "zh-CN";

/** A String parameter. `null`, `undefined` and `""` count as not given. */
export type StringValue = string | null | undefined;
/** An Integer (32-bit) parameter: a number, a decimal string or a bigint. */
export type IntegerValue = number | string | bigint | null | undefined;
/** A Long (64-bit) parameter; beyond ±(2^53 − 1) a number is a `type` problem: give a decimal string or a bigint. */
export type LongValue = number | string | bigint | null | undefined;
/** A Boolean parameter, its text in every letter case (the Python SDKs send `True`); always sent as `true` / `false`. */
export type BooleanValue = boolean | "true" | "false" | "True" | "False" | "TRUE" | "FALSE" | 0 | 1 | "0" | "1" | null | undefined;

/** The owner parameters of the official SDK models, accepted by every action. */
export interface OwnerParams {
    OwnerId?: LongValue;
    ResourceOwnerId?: LongValue;
    OwnerAccount?: StringValue;
    ResourceOwnerAccount?: StringValue;
}

/** Buy an SAG app (software client) instance. */
export interface CreateSmartAccessGatewaySoftwareParams extends OwnerParams {
    Action?: "CreateSmartAccessGatewaySoftware" | null | undefined;
    RegionId: StringValue;
    Period: IntegerValue;
    AutoPay: BooleanValue;
    ChargeType: StringValue;
    UserCount: IntegerValue;
    DataPlan: LongValue;
}

/** Buy SAG hardware (or a vCPE), shipped to a receiver. */
export interface CreateSmartAccessGatewayParams extends OwnerParams {
    Action?: "CreateSmartAccessGateway" | null | undefined;
    RegionId: StringValue;
    AutoPay: BooleanValue;
    BuyerMessage: StringValue;
    ChargeType: StringValue;
    HardWareSpec: StringValue;
    HaType: StringValue;
    MaxBandWidth: IntegerValue;
    Period: IntegerValue;
    ReceiverName: StringValue;
    ReceiverMobile: StringValue;
    ReceiverEmail: StringValue;
    ReceiverCountry: StringValue;
    ReceiverState: StringValue;
    ReceiverCity: StringValue;
    ReceiverDistrict: StringValue;
    ReceiverTown: StringValue;
    ReceiverAddress: StringValue;
    ReceiverZip: StringValue;
    ReceiverPhone?: StringValue;
    Name?: StringValue;
    Description?: StringValue;
    AlreadyHaveSag?: BooleanValue;
    CPEVersion?: StringValue;
}

/** Raise the client-account quota of an SAG app instance. */
export interface UpgradeSmartAccessGatewaySoftwareParams extends OwnerParams {
    Action?: "UpgradeSmartAccessGatewaySoftware" | null | undefined;
    RegionId: StringValue;
    SmartAGId: StringValue;
    UserCount: IntegerValue;
    DataPlan: LongValue;
    AutoPay: BooleanValue;
}

/** Raise the bandwidth of an SAG (hardware) instance; the service checks that it rises. */
export interface UpgradeSmartAccessGatewayParams extends OwnerParams {
    Action?: "UpgradeSmartAccessGateway" | null | undefined;
    RegionId: StringValue;
    SmartAGId: StringValue;
    AutoPay: BooleanValue;
    BandWidthSpec: LongValue;
}

/** Lower the bandwidth of an SAG (hardware) instance; the service checks that it falls. */
export interface DowngradeSmartAccessGatewayParams extends OwnerParams {
    Action?: "DowngradeSmartAccessGateway" | null | undefined;
    RegionId: StringValue;
    SmartAGId: StringValue;
    AutoPay: BooleanValue;
    BandWidthSpec: LongValue;
}

/** Lower the client-account quota of an SAG app instance. */
export interface DowngradeSmartAccessGatewaySoftwareParams extends OwnerParams {
    Action?: "DowngradeSmartAccessGatewaySoftware" | null | undefined;
    RegionId: StringValue;
    SmartAGId: StringValue;
    AutoPay: BooleanValue;
    DataPlan: LongValue;
    UserCount: IntegerValue;
}

/** Each action's params interface, for generic code. */
export interface ActionParams {
    CreateSmartAccessGatewaySoftware: CreateSmartAccessGatewaySoftwareParams;
    CreateSmartAccessGateway: CreateSmartAccessGatewayParams;
    UpgradeSmartAccessGatewaySoftware: UpgradeSmartAccessGatewaySoftwareParams;
    UpgradeSmartAccessGateway: UpgradeSmartAccessGatewayParams;
    DowngradeSmartAccessGateway: DowngradeSmartAccessGatewayParams;
    DowngradeSmartAccessGatewaySoftware: DowngradeSmartAccessGatewaySoftwareParams;
}

/** What failed. */
export type Rule = "required" | "type" | "enum" | "range" | "multipleOf" | "format" | "length" | "dependency" | "unknown" | "reserved";

/** The error code the Alibaba service answers for the same mistake (the last six only from `parseRequest`). */
export type ProblemCode =
| "MissingParameter"
| "InvalidParameter"
| "SAG.InvalidUserCount"
| "SAG.InvalidDataPlan"
| "IncompleteSignature"
| "InvalidApi.NotFound"
| "InvalidParameter.Format"
| "InvalidSignatureMethod"
| "InvalidTimeStamp.Format";

/** One thing wrong with a request (SPEC §2). */
export interface Problem {
    /** The parameter name, exactly as the API spells it (or as the caller gave it, for `unknown` / `reserved`, an unpaired surrogate shown as U+FFFD). */
    field: string;
    rule: Rule;
    code: ProblemCode;
    /** A sentence for a buyer, in the asked locale. */
    message: string;
    /** The values the message was built from, e.g. `{ multipleOf: 5, value: 7 }`; an integer beyond ±(2^53 − 1) is a decimal string; a `type` problem's `value` is the value as given (`NaN` and `Infinity` as strings, an array or object described). */
    params: Record<string, number | string | boolean | number[] | string[]>;
    /** A warning does not make the request invalid. */
    severity: "error" | "warning";
}

export type FieldType = "String" | "Integer" | "Long" | "Boolean";
export type FieldFormat = "regionId" | "smartAgId" | "email" | "name";

/** A rule that reads another field. */
export type Dependency =
| { kind: "rangeBy"; field: string; ranges: Array<{ value: string; min: number; max: number }> }
| { kind: "requiredWhen"; field: string; when: string; value: string }
| { kind: "onlyWith"; field: string; value: string };

/** One field as a form sees it; optional keys are absent when the rule is. */
export interface FieldSpec {
    name: string;
    type: FieldType;
    required: boolean;
    label: string;
    help: string;
    example: string;
    /** Surrounding white space is part of the value (otherwise it is trimmed). */
    freeText: boolean;
    /** The allowed values: strings for an enum, numbers for Period and DataPlan. */
    enum?: string[] | number[];
    min?: number;
    max?: number;
    multipleOf?: number;
    minLength?: number;
    maxLength?: number;
    format?: FieldFormat;
    /** The rule that reads another field (MaxBandWidth, HaType, CPEVersion). */
    dependency?: Dependency;
}

/** Everything a form needs to render an action. */
export interface ActionSpec {
    action: ActionName;
    version: "2018-03-13";
    title: string;
    fields: FieldSpec[];
}

export interface LocaleOptions {
    locale?: Locale;
}

/** Which request signature: RPC signature 1.0 (HMAC-SHA1) or V3 (ACS3-HMAC-SHA256). */
export type SignatureVersion = "v1" | "v3";

export type HttpMethod = "GET" | "POST";

export interface BuildOptions {
    /** The AccessKey ID (never the secret). */
    accessKeyId: string;
    /** `YYYY-MM-DDThh:mm:ssZ` (UTC) or a Date; now when not given. */
    timestamp?: string | Date;
    /** The SignatureNonce; a fresh random UUID when not given. */
    nonce?: string;
    /** `"XML"` only with signature v1: V3 requests are answered in JSON. */
    format?: "JSON" | "XML";
    method?: HttpMethod;
    /** Host (and optional port); default `smartag.<RegionId>.aliyuncs.com`. */
    endpoint?: string;
    /** An STS token, sent as SecurityToken (v1) or x-acs-security-token (v3). */
    securityToken?: string;
    locale?: Locale;
    /** `"v1"` when not given. */
    signature?: SignatureVersion;
}

/** A valid request, ready for a V1 signer. */
export interface SignedReadyRequest {
    ok: true;
    signature: "v1";
    method: HttpMethod;
    /** Every parameter as sent, keys in byte order. */
    params: Record<string, string>;
    canonicalQuery: string;
    /** `METHOD&%2F&` + the percent-encoded canonical query. */
    stringToSign: string;
    /** `https://<endpoint>/?<canonicalQuery>`; the signer appends `&Signature=…` (`signedUrl`). */
    url: string;
    /** The same request as an `aliyun` CLI command line (POSIX-shell quoted), signed by the buyer's own CLI profile; null when a value holds U+0000. */
    cli: string | null;
}

/** A valid request, ready for a V3 signer: the business parameters in the query, the rest in signed headers. */
export interface SignedReadyRequestV3 {
    ok: true;
    signature: "v3";
    method: HttpMethod;
    /** The Credential of the `Authorization` header. */
    accessKeyId: string;
    /** `https://<endpoint>/?<canonicalQuery>`, sent with `headers` and an `Authorization` header (`authorization`). */
    url: string;
    /** The business parameters as sent in the query, keys in byte order. */
    params: Record<string, string>;
    canonicalQuery: string;
    /** `host` and the `x-acs-*` headers, lower-case names in byte order. */
    headers: Record<string, string>;
    /** hex(SHA-256) of the empty body; also `headers["x-acs-content-sha256"]`. */
    hashedPayload: string;
    canonicalRequest: string;
    /** The header names joined by `;`. */
    signedHeaders: string;
    /** `ACS3-HMAC-SHA256\n` + hex(SHA-256(canonicalRequest)). */
    stringToSign: string;
    /** As in a V1 result. */
    cli: string | null;
}

/** An invalid request: its errors, and the warnings found alongside them. */
export interface InvalidRequest {
    ok: false;
    errors: Problem[];
}

/** The valid result of each signature version. */
export interface SignedReadyBySignature {
    v1: SignedReadyRequest;
    v3: SignedReadyRequestV3;
}

/** A build result: discriminated by `ok`, then by `signature`. */
export type BuildResult<S extends SignatureVersion = SignatureVersion> = SignedReadyBySignature[S] | InvalidRequest;

export interface ParseOptions {
    locale?: Locale;
    /** The method the request was sent with, for verification; when not given (a string), GET and POST are both tried. */
    method?: HttpMethod;
}

/** A request as a Node, fetch or Express handler holds it. */
export interface HttpRequestLike {
    method?: HttpMethod;
    /** An absolute URL, a path with its query, or a query string. */
    url: string;
    /** Names in every letter case. */
    headers?: Record<string, string> | Headers;
    /** An `application/x-www-form-urlencoded` body, or the body a V3 `x-acs-content-sha256` covers. */
    body?: string;
}

/** A request read back (V1 or V3). */
export interface ParsedRequest {
    /** No problem is an error. */
    ok: boolean;
    /** `Action` (V1) or `x-acs-action` (V3) as given, known or not; absent when not given. */
    action?: string;
    /** The host, when a URL or a `host` header names one. */
    endpoint?: string;
    /** The business parameters, coerced as `validate` does: a number (a decimal string beyond ±(2^53 − 1)) or boolean where the text has the field's type, text trimmed where the field trims it, else the text as given. */
    params: Record<string, string | number | boolean>;
    /** V1: the common and signature parameters (`Action`, `Version`, `Timestamp`, `Signature` …). V3: the `x-acs-*` headers, then `AccessKeyId`, `SignatureMethod`, `SignedHeaders` and `Signature` from `Authorization`. */
    common: Record<string, string>;
    /** Size, encoding and repeated-key problems, then the common values' or headers', then the action's validation. */
    problems: Problem[];
    /** Which signature the request carries (or, unsigned, is laid out for). */
    signature: SignatureVersion;
    /** The method given, or with a secret the one whose signature matches. */
    method?: HttpMethod;
}

export interface VerifiedRequest extends ParsedRequest {
    /** Whether the signature (V1 `Signature`, V3 `Authorization`) holds with the secret; false when absent. */
    signatureValid: boolean;
}

/** The gateway's answer as a backend holds it; for a fetch `Response`, `{ status: r.status, headers: r.headers, body: await r.text() }`. */
export interface ResponseLike {
    status?: number;
    headers?: Record<string, string> | Headers;
    body: string;
}

/** An order action's documented success fields; `OrderId` always the exact digits, as a string. */
export interface OrderResult {
    OrderId: string;
}
/** What each action answers besides `RequestId`. */
export interface ResultByAction {
    CreateSmartAccessGatewaySoftware: OrderResult & { SmartAGId?: string; ResourceGroupId?: string };
    CreateSmartAccessGateway: OrderResult & { SmartAGId?: string; ResourceGroupId?: string; Name?: string; Description?: string };
    UpgradeSmartAccessGatewaySoftware: OrderResult;
    UpgradeSmartAccessGateway: OrderResult;
    DowngradeSmartAccessGateway: OrderResult;
    DowngradeSmartAccessGatewaySoftware: OrderResult;
}

/** The gateway said yes. */
export interface ResponseSuccess<A extends ActionName = ActionName> {
    ok: true;
    requestId: string | null;
    result: ResultByAction[A];
}

/** The gateway (or what stood in its way) said no: its error, and a hint for the buyer in the asked locale. */
export interface ResponseFailure {
    ok: false;
    status: number | null;
    /** The gateway's `Code`, or ours for an answer that is not the gateway's: `UnreadableResponse`, `UnexpectedResponse`. */
    code: string;
    message: string | null;
    requestId: string | null;
    hostId: string | null;
    recommend: string | null;
    /** What the buyer should do, in the asked locale. */
    hint: string;
}

export type ParsedResponse<A extends ActionName = ActionName> = ResponseSuccess<A> | ResponseFailure;

/** The names of every action. */
export function actions(): ActionName[];

/** Everything a form needs to render `action`. Throws for an unknown action or option value. */
export function describe(action: ActionName, options?: LocaleOptions): ActionSpec;
/** An action named at run time (a `string`, such as a select's value); a literal name must be an `ActionName`. */
export function describe<A extends string>(action: RuntimeName<A>, options?: LocaleOptions): ActionSpec;

/** Every problem with `params` (errors and warnings); `[]` when there is none. Throws only for misuse. */
export function validate(
action: "CreateSmartAccessGatewaySoftware",
params: Partial<CreateSmartAccessGatewaySoftwareParams>,
options?: LocaleOptions,
): Problem[];
export function validate(
action: "CreateSmartAccessGateway",
params: Partial<CreateSmartAccessGatewayParams>,
options?: LocaleOptions,
): Problem[];
export function validate(
action: "UpgradeSmartAccessGatewaySoftware",
params: Partial<UpgradeSmartAccessGatewaySoftwareParams>,
options?: LocaleOptions,
): Problem[];
export function validate(action: "UpgradeSmartAccessGateway", params: Partial<UpgradeSmartAccessGatewayParams>, options?: LocaleOptions): Problem[];
export function validate(action: "DowngradeSmartAccessGateway", params: Partial<DowngradeSmartAccessGatewayParams>, options?: LocaleOptions): Problem[];
export function validate(action: "DowngradeSmartAccessGatewaySoftware", params: Partial<DowngradeSmartAccessGatewaySoftwareParams>, options?: LocaleOptions): Problem[];
/** An action named at run time, with params in whatever shape (such as a form's strings). */
export function validate<A extends string>(action: RuntimeName<A>, params: object, options?: LocaleOptions): Problem[];

/** Build options for signature `S`: a V3 request is answered in JSON, so it takes no `format: "XML"`. */
type OptionsFor<S extends SignatureVersion> = BuildOptions & { signature?: S } & (S extends "v3" ? { format?: "JSON" } : unknown);

/** A signed-ready request (`signature` picks the scheme, V1 by default), or the problems that stop it. Throws only for misuse. */
export function buildRequest<S extends SignatureVersion = "v1">(
action: "CreateSmartAccessGatewaySoftware",
params: CreateSmartAccessGatewaySoftwareParams,
options: OptionsFor<S>,
): BuildResult<S>;
export function buildRequest<S extends SignatureVersion = "v1">(
action: "CreateSmartAccessGateway",
params: CreateSmartAccessGatewayParams,
options: OptionsFor<S>,
): BuildResult<S>;
export function buildRequest<S extends SignatureVersion = "v1">(
action: "UpgradeSmartAccessGatewaySoftware",
params: UpgradeSmartAccessGatewaySoftwareParams,
options: OptionsFor<S>,
): BuildResult<S>;
export function buildRequest<S extends SignatureVersion = "v1">(action: "UpgradeSmartAccessGateway", params: UpgradeSmartAccessGatewayParams, options: OptionsFor<S>): BuildResult<S>;
export function buildRequest<S extends SignatureVersion = "v1">(action: "DowngradeSmartAccessGateway", params: DowngradeSmartAccessGatewayParams, options: OptionsFor<S>): BuildResult<S>;
export function buildRequest<S extends SignatureVersion = "v1">(action: "DowngradeSmartAccessGatewaySoftware", params: DowngradeSmartAccessGatewaySoftwareParams, options: OptionsFor<S>): BuildResult<S>;
/** An action named at run time, with params in whatever shape: the module checks them. */
export function buildRequest<A extends string, S extends SignatureVersion = "v1">(
action: RuntimeName<A>,
params: object,
options: OptionsFor<S>,
): BuildResult<S>;

/** Reads a request back: V1 from a URL (scheme optional), a query string, a POST body or a docs request example; V1 or V3 from a request object. Never throws for its content. */
export function parseRequest(request: string | HttpRequestLike, options?: ParseOptions & { accessKeySecret?: undefined }): ParsedRequest;

/** Reads the gateway's answer (JSON or XML, success or error); never throws for its content. Throws a RangeError for a body over 1 MiB. */
export function parseResponse<A extends ActionName>(action: A, response: ResponseLike | string, options?: LocaleOptions): ParsedResponse<A>;
export function parseResponse<A extends string>(action: RuntimeName<A>, response: ResponseLike | string, options?: LocaleOptions): ParsedResponse;
