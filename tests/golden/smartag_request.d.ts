/* tslint:disable */
/* eslint-disable */
/** The three order actions, in the order `actions()` lists them. */
export type ActionName = "CreateSmartAccessGatewaySoftware" | "CreateSmartAccessGateway" | "UpgradeSmartAccessGatewaySoftware";

/** A locale of the message catalogs, labels and help texts. */
export type Locale = "en" | "zh-CN";

/** A String parameter. `null`, `undefined` and `""` count as not given. */
export type StringValue = string | null | undefined;
/** An Integer (32-bit) parameter: a number, a decimal string or a bigint. */
export type IntegerValue = number | string | bigint | null | undefined;
/** A Long (64-bit) parameter; beyond 2^53 give a decimal string or a bigint to keep every digit. */
export type LongValue = number | string | bigint | null | undefined;
/** A Boolean parameter; always sent as `true` / `false`. */
export type BooleanValue = boolean | "true" | "false" | 0 | 1 | "0" | "1" | null | undefined;

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

/** Each action's params interface, for generic code. */
export interface ActionParams {
    CreateSmartAccessGatewaySoftware: CreateSmartAccessGatewaySoftwareParams;
    CreateSmartAccessGateway: CreateSmartAccessGatewayParams;
    UpgradeSmartAccessGatewaySoftware: UpgradeSmartAccessGatewaySoftwareParams;
}

/** What failed. */
export type Rule = "required" | "type" | "enum" | "range" | "multipleOf" | "format" | "length" | "dependency" | "unknown" | "reserved";

/** The error code the Alibaba service answers for the same mistake. */
export type ProblemCode = "MissingParameter" | "InvalidParameter" | "SAG.InvalidUserCount" | "SAG.InvalidDataPlan";

/** One thing wrong with a request (SPEC §2). */
export interface Problem {
    /** The parameter name, exactly as the API spells it (or as the caller gave it, for `unknown` / `reserved`). */
    field: string;
    rule: Rule;
    code: ProblemCode;
    /** A sentence for a buyer, in the asked locale. */
    message: string;
    /** The values the message was built from, e.g. `{ multipleOf: 5, value: 7 }`; an integer beyond ±(2^53 − 1) is a decimal string. */
    params: Record<string, number | string | number[] | string[]>;
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
    enum?: string[];
    values?: number[];
    min?: number;
    max?: number;
    multipleOf?: number;
    minLength?: number;
    maxLength?: number;
    format?: FieldFormat;
    dependencies?: Dependency[];
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

export interface BuildOptions {
    /** The AccessKey ID (never the secret). */
    accessKeyId: string;
    /** `YYYY-MM-DDThh:mm:ssZ` (UTC) or a Date; now when not given. */
    timestamp?: string | Date;
    /** The SignatureNonce; a fresh random UUID when not given. */
    nonce?: string;
    format?: "JSON" | "XML";
    method?: "GET" | "POST";
    /** Host (and optional port); default `smartag.<RegionId>.aliyuncs.com`. */
    endpoint?: string;
    /** An STS token, sent as SecurityToken. */
    securityToken?: string;
    locale?: Locale;
}

/** A valid request, ready for a signer. */
export interface SignedReadyRequest {
    ok: true;
    /** Every parameter as sent, keys in byte order. */
    params: Record<string, string>;
    canonicalQuery: string;
    stringToSign: string;
    /** `https://<endpoint>/?<canonicalQuery>`; the signer appends `&Signature=…`. */
    url: string;
}

/** An invalid request: its errors, and the warnings found alongside them. */
export interface InvalidRequest {
    ok: false;
    errors: Problem[];
}

export type BuildResult = SignedReadyRequest | InvalidRequest;

/** The names of every action. */
export function actions(): ActionName[];

/** Everything a form needs to render `action`. Throws for an unknown action or option value. */
export function describe(action: ActionName, options?: LocaleOptions): ActionSpec;

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

/** A signed-ready request, or the problems that stop it. Throws only for misuse. */
export function buildRequest(
action: "CreateSmartAccessGatewaySoftware",
params: CreateSmartAccessGatewaySoftwareParams,
options: BuildOptions,
): BuildResult;
export function buildRequest(action: "CreateSmartAccessGateway", params: CreateSmartAccessGatewayParams, options: BuildOptions): BuildResult;
export function buildRequest(
action: "UpgradeSmartAccessGatewaySoftware",
params: UpgradeSmartAccessGatewaySoftwareParams,
options: BuildOptions,
): BuildResult;
