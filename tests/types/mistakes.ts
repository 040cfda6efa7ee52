// Each line below a `@ts-expect-error` is a mistake the types must catch:
// tsc fails if any of them type-checks (the directive is then unused).
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
  type BuildResult,
  type FieldSpec,
  type ParseOptions,
  type Problem,
} from "smartag-request";
import { buildRequest as buildInBrowser } from "smartag-request/web";
// @ts-expect-error the browser builds cannot sign (no secret belongs in a page)
import { sign as signInBrowser } from "smartag-request/web";
// @ts-expect-error nor can the bundler build
import { signedUrl as signInBundle } from "smartag-request/bundler";

const options = { accessKeyId: "testid" };
const software = { RegionId: "cn-shanghai", Period: 12, AutoPay: true, ChargeType: "PREPAY", UserCount: 5, DataPlan: 5 };

// @ts-expect-error an unknown action
buildRequest("CreateSmartAccessGatewayHardware", software, options);
// @ts-expect-error the software params lack the hardware action's required fields
buildRequest("CreateSmartAccessGateway", software, options);
// @ts-expect-error a required field is missing
buildRequest("CreateSmartAccessGatewaySoftware", { RegionId: "cn-shanghai", Period: 12, AutoPay: true, ChargeType: "PREPAY", UserCount: 5 }, options);
// @ts-expect-error a Boolean is not an Integer
buildRequest("CreateSmartAccessGatewaySoftware", { ...software, Period: true }, options);
// @ts-expect-error 2 is not a Boolean spelling
buildRequest("CreateSmartAccessGatewaySoftware", { ...software, AutoPay: 2 }, options);
// @ts-expect-error "yes" is not a Boolean spelling
buildRequest("CreateSmartAccessGatewaySoftware", { ...software, AutoPay: "yes" }, options);
// @ts-expect-error a String field takes no number
buildRequest("CreateSmartAccessGatewaySoftware", { ...software, RegionId: 5 }, options);
// @ts-expect-error a Long takes no array
buildRequest("CreateSmartAccessGatewaySoftware", { ...software, DataPlan: [5] }, options);
// @ts-expect-error Action must be the action's own name
buildRequest("CreateSmartAccessGatewaySoftware", { ...software, Action: "UpgradeSmartAccessGatewaySoftware" }, options);
// @ts-expect-error an unknown parameter in an object literal
buildRequest("CreateSmartAccessGatewaySoftware", { RegionId: "cn-shanghai", Period: 12, AutoPay: true, ChargeType: "PREPAY", UserCount: 5, DataPlan: 5, Bogus: 1 }, options);
// @ts-expect-error options are required
buildRequest("CreateSmartAccessGatewaySoftware", software);
// @ts-expect-error accessKeyId is required
buildRequest("CreateSmartAccessGatewaySoftware", software, { nonce: "n" });
// @ts-expect-error an unknown format
buildRequest("CreateSmartAccessGatewaySoftware", software, { accessKeyId: "testid", format: "YAML" });
// @ts-expect-error a timestamp is a string or a Date, not a number
buildRequest("CreateSmartAccessGatewaySoftware", software, { accessKeyId: "testid", timestamp: 1456231584000 });
// @ts-expect-error the web build has the same overloads
buildInBrowser("UpgradeSmartAccessGatewaySoftware", software, options);
// @ts-expect-error SmartAGId belongs to the upgrade action only
validate("CreateSmartAccessGatewaySoftware", { SmartAGId: "sag-1" });
// @ts-expect-error an unknown locale
validate("CreateSmartAccessGatewaySoftware", {}, { locale: "fr" });
// @ts-expect-error params are an object, not a query string
validate("CreateSmartAccessGatewaySoftware", "RegionId=cn-shanghai");
// @ts-expect-error an unknown action
describe("DescribeRegions");
const runtimeName: string = "CreateSmartAccessGatewaySoftware";
// @ts-expect-error an action named at run time still takes an object
validate(runtimeName, "RegionId=cn-shanghai");
// @ts-expect-error an action named at run time still needs the options
buildRequest(runtimeName, {});
// @ts-expect-error a literal that is no action does not pass as a run-time name
buildRequest("CreateSmartAccessGatewayHardware", {}, options);
// @ts-expect-error action names are strings
const counts: number[] = actions();

const result: BuildResult = buildRequest("CreateSmartAccessGatewaySoftware", software, options);
// @ts-expect-error canonicalQuery exists only once ok is known to be true
console.log(result.canonicalQuery);
if (!result.ok) {
  // @ts-expect-error an invalid request has no url
  console.log(result.url);
  const first: Problem | undefined = result.errors[0];
  // @ts-expect-error severity is "error" or "warning"
  console.log(first?.severity === "fatal");
  // @ts-expect-error rule is from the closed set
  console.log(first?.rule === "pattern");
}
const field: FieldSpec | undefined = describe("CreateSmartAccessGateway").fields[0];
const dep = field?.dependency;
// @ts-expect-error ranges exist only on a rangeBy dependency
console.log(dep?.ranges);
// @ts-expect-error optional keys may be absent
const max: number = field!.max;
console.log(counts, max);

// @ts-expect-error an unknown signature version
buildRequest("CreateSmartAccessGatewaySoftware", software, { accessKeyId: "testid", signature: "v2" });
const v3 = buildRequest("CreateSmartAccessGatewaySoftware", software, { accessKeyId: "testid", signature: "v3" });
if (v3.ok) {
  // @ts-expect-error a v3 result is not a v1 one: it goes to authorization, not signedUrl
  signedUrl(v3, "secret");
  // @ts-expect-error a v3 result used as a v1 one
  const asV1: BuildResult<"v1"> = v3;
  console.log(asV1);
}
const v1 = buildRequest("CreateSmartAccessGatewaySoftware", software, options);
if (v1.ok) {
  // @ts-expect-error a v1 result has no headers
  console.log(v1.headers);
  // @ts-expect-error a v1 result goes to signedUrl, not authorization
  authorization(v1, "secret");
  // @ts-expect-error the secret is a string
  signedUrl(v1, 42);
}
// @ts-expect-error the string-to-sign is a string
sign(42, "secret");
// @ts-expect-error an unknown signature version
sign("GET&%2F&", "secret", "v2");
// @ts-expect-error parseRequest reads a string, not a URL object
parseRequest(new URL("https://smartag.cn-shanghai.aliyuncs.com/?Action=x"));
// @ts-expect-error signatureValid exists only when a secret was given
console.log(parseRequest("Action=x").signatureValid);
// @ts-expect-error a V3 request is answered in JSON: no format "XML"
buildRequest("CreateSmartAccessGatewaySoftware", software, { accessKeyId: "testid", signature: "v3", format: "XML" });
const mayHoldSecret = (o: ParseOptions) => {
  // @ts-expect-error without a secret for sure, signatureValid may be absent
  const valid: boolean = parseRequest("Action=x", o).signatureValid;
  return valid;
};
console.log(mayHoldSecret);

// @ts-expect-error a success's result is read only after checking ok
console.log(parseResponse("CreateSmartAccessGatewaySoftware", "{}").result);
// @ts-expect-error a request object needs its url
parseRequest({ method: "GET", headers: {} });
// @ts-expect-error DataPlan is not a parameter of the hardware bandwidth upgrade (the current API has none)
buildRequest("UpgradeSmartAccessGateway", { RegionId: "cn-shanghai", SmartAGId: "sag-x", AutoPay: true, BandWidthSpec: 20, DataPlan: 5 }, options);
