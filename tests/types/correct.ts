// Uses the API the way the types allow; must type-check without errors.
import {
  actions,
  authorization,
  buildRequest,
  describe,
  parseRequest,
  parseResponse,
  sign,
  signedUrl,
  validate,
  type ActionName,
  type ActionParams,
  type ActionSpec,
  type BuildOptions,
  type BuildResult,
  type CreateSmartAccessGatewayParams,
  type Dependency,
  type FieldSpec,
  type ParseOptions,
  type ParsedRequest,
  type Problem,
  type SignatureVersion,
  type SignedReadyRequest,
  type SignedReadyRequestV3,
  type UpgradeSmartAccessGatewaySoftwareParams,
} from "smartag-request";
import init, { buildRequest as buildInBrowser } from "smartag-request/web";

const names: ActionName[] = actions();
const spec: ActionSpec = describe(names[0] ?? "CreateSmartAccessGateway", { locale: "zh-CN" });
const fields: FieldSpec[] = spec.fields;
for (const field of fields) {
  const allowed: string[] | number[] | undefined = field.enum;
  const bounds: [number | undefined, number | undefined] = [field.min, field.max];
  const d: Dependency | undefined = field.dependency;
  if (d) {
    if (d.kind === "rangeBy") {
      const widest: number = Math.max(...d.ranges.map((r) => r.max));
      console.log(widest, d.field);
    } else if (d.kind === "requiredWhen") {
      console.log(d.when, d.value);
    } else {
      console.log(d.value);
    }
  }
  console.log(allowed, bounds, field.type === "Long", field.format === "email");
}

// Form strings, typed values, bigints, and null/undefined for "not given".
const software = { RegionId: "cn-shanghai", Period: "12", AutoPay: "1", ChargeType: "PREPAY", UserCount: 5n, DataPlan: 5 } as const;
const hardware: CreateSmartAccessGatewayParams = {
  RegionId: "cn-shanghai",
  AutoPay: false,
  BuyerMessage: "",
  ChargeType: "PREPAY",
  HardWareSpec: "sag-vcpe",
  HaType: "warm_backup",
  MaxBandWidth: 100,
  Period: 12,
  ReceiverName: "Tony",
  ReceiverMobile: "13800000000",
  ReceiverEmail: "tony@example.com",
  ReceiverCountry: "US",
  ReceiverState: "CA",
  ReceiverCity: "Long Beach",
  ReceiverDistrict: "Queen",
  ReceiverTown: "Fairy",
  ReceiverAddress: "Room 1",
  ReceiverZip: "310000",
  ReceiverPhone: null,
  CPEVersion: undefined,
  OwnerId: "9223372036854775807",
};
const upgrade: UpgradeSmartAccessGatewaySoftwareParams = {
  RegionId: "cn-shanghai",
  SmartAGId: "sag-8biez7habqwmx6abcd",
  UserCount: "5",
  DataPlan: "5",
  AutoPay: 1,
  Action: "UpgradeSmartAccessGatewaySoftware",
};
const generic: ActionParams["UpgradeSmartAccessGatewaySoftware"] = upgrade;

const options: BuildOptions = { accessKeyId: "testid", timestamp: new Date(), format: "XML", method: "POST", locale: "en" };
const results: BuildResult[] = [
  buildRequest("CreateSmartAccessGatewaySoftware", software, options),
  buildRequest("CreateSmartAccessGateway", hardware, { accessKeyId: "testid", endpoint: "smartag.cn-shanghai.aliyuncs.com" }),
  buildRequest("UpgradeSmartAccessGatewaySoftware", generic, { accessKeyId: "testid", nonce: "n", timestamp: "2016-02-23T12:46:24Z" }),
];
for (const result of results) {
  if (result.ok) {
    const query: string = result.canonicalQuery;
    const sent: string | undefined = result.params["Timestamp"];
    console.log(query, sent, result.stringToSign, result.url);
  } else {
    const problems: Problem[] = result.errors;
    console.log(problems.map((p) => `${p.field} ${p.rule} ${p.code} ${p.severity} ${p.message}`));
  }
}

// validate takes whatever part of the params a form has so far.
const problems: Problem[] = validate("CreateSmartAccessGateway", { HardWareSpec: "sag-1000", MaxBandWidth: "600" });
const partial: Problem[] = validate("UpgradeSmartAccessGatewaySoftware", {}, { locale: "en" });
for (const p of [...problems, ...partial]) {
  const value = p.params["value"];
  if (typeof value === "number") console.log(value + 1);
}

// V3: the options' signature literal picks the result's shape.
const fixed = { accessKeyId: "testid", nonce: "n", timestamp: "2016-02-23T12:46:24Z" } as const;
const v3: BuildResult<"v3"> = buildRequest("CreateSmartAccessGatewaySoftware", software, { ...fixed, signature: "v3" });
if (v3.ok) {
  const headers: Record<string, string> = v3.headers;
  const header: string = authorization(v3, "secret");
  console.log(headers["x-acs-date"], v3.canonicalRequest, v3.signedHeaders, v3.hashedPayload, v3.accessKeyId, header);
}
const v1 = buildRequest("UpgradeSmartAccessGatewaySoftware", upgrade, { ...fixed, signature: "v1" });
if (v1.ok) {
  const ready: SignedReadyRequest = v1;
  console.log(signedUrl(ready, "secret"), sign(v1.stringToSign, "secret"), v1.method === "GET");
}
// A signature held in a variable gives either shape; `signature` tells them apart.
const scheme: SignatureVersion = Math.random() < 0.5 ? "v1" : "v3";
const either = buildRequest("CreateSmartAccessGatewaySoftware", software, { ...fixed, signature: scheme });
if (either.ok && either.signature === "v3") {
  const ready: SignedReadyRequestV3 = either;
  console.log(sign(ready.stringToSign, "secret", "v3"));
} else if (either.ok) {
  console.log(signedUrl(either, "secret"));
}

// Reading a request back; with the secret, whether its signature holds.
const parsed: ParsedRequest = parseRequest("https://smartag.cn-shanghai.aliyuncs.com/?Action=CreateSmartAccessGatewaySoftware", { locale: "zh-CN" });
const period: string | number | boolean | undefined = parsed.params["Period"];
console.log(parsed.ok, parsed.action ?? "(none)", parsed.endpoint, parsed.common["Version"], parsed.problems.length, period);
const verified = parseRequest("Action=x&Signature=y", { accessKeySecret: "secret", method: "POST" });
const valid: boolean = verified.signatureValid;
console.log(valid);
// Options that may hold a secret: signatureValid may be there.
const mayVerify = (o: ParseOptions): boolean | undefined => parseRequest("Action=x", o).signatureValid;
console.log(mayVerify({ locale: "en" }));
// A V3 request may name its (only) format.
console.log(buildRequest("CreateSmartAccessGatewaySoftware", software, { ...fixed, signature: "v3", format: "JSON" }).ok);

// A V3 request as a handler holds it, and the gateway's answer.
const fromHandler: ParsedRequest = parseRequest({ method: "GET", url: "/?RegionId=cn-shanghai", headers: { "x-acs-action": "CreateSmartAccessGatewaySoftware" } });
console.log(fromHandler.signature, fromHandler.method);
const answer = parseResponse("CreateSmartAccessGatewaySoftware", { status: 200, body: '{"RequestId":"r","OrderId":203000000000000}' });
if (answer.ok) {
  const orderId: string = answer.result.OrderId;
  const instance: string | undefined = answer.result.SmartAGId;
  console.log(orderId, instance);
} else {
  const hint: string = answer.hint;
  console.log(answer.code, hint);
}
const cliLine: string | null = buildRequest("CreateSmartAccessGatewaySoftware", software, fixed).ok ? "x" : null;
console.log(cliLine);

await init();
const inBrowser: BuildResult = buildInBrowser("UpgradeSmartAccessGatewaySoftware", upgrade, { accessKeyId: "testid" });
console.log(inBrowser.ok);

// An action name held in a string (a select's value) and a form's strings: the
// run-time overloads take them, and the module checks them.
const chosen: string = String(names[1]);
const form: Record<string, string> = { RegionId: "cn-shanghai", Period: "12" };
const formProblems: Problem[] = validate(chosen, form, { locale: "zh-CN" });
const formSpec: ActionSpec = describe(chosen);
const formBuilt: BuildResult<"v3"> = buildRequest(chosen, form, { accessKeyId: "testid", signature: "v3" });
console.log(formProblems, formSpec, formBuilt);

