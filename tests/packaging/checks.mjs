// What every packaged build must do when called the way a user calls it:
// shared by the Node (ESM and CommonJS) consumers and the esbuild browser bundle.
const SOFTWARE = "CreateSmartAccessGatewaySoftware";
const SEED000 = { RegionId: "cn-shanghai", Period: "12", AutoPay: "true", ChargeType: "PREPAY", UserCount: "5", DataPlan: "5" };
const FIXED = { accessKeyId: "testid", nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", timestamp: "2016-02-23T12:46:24Z" };
// SPEC §4 worked by hand: keys in byte order, ":" as %3A.
const QUERY =
  "AccessKeyId=testid&Action=CreateSmartAccessGatewaySoftware&AutoPay=true&ChargeType=PREPAY&DataPlan=5&Format=JSON" +
  "&Period=12&RegionId=cn-shanghai&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf" +
  "&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=5&Version=2018-03-13";

function same(got, expected, what) {
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    throw new Error(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
  }
}

function throwsA(kind, call, what) {
  try {
    call();
  } catch (e) {
    if (e instanceof kind) return;
    throw new Error(`${what}: threw ${e} instead of a ${kind.name}`);
  }
  throw new Error(`${what}: did not throw`);
}

/** Runs the checks against one import of the package; returns how many passed. */
export function check({ actions, describe, validate, buildRequest }) {
  const checks = [
    () => same(actions(), [SOFTWARE, "CreateSmartAccessGateway", "UpgradeSmartAccessGatewaySoftware"], "actions"),
    () => same(describe(SOFTWARE).fields.find((f) => f.name === "UserCount").multipleOf, 5, "describe"),
    () => same(validate(SOFTWARE, SEED000), [], "validate seed 000"),
    () => same(validate(SOFTWARE, { ...SEED000, UserCount: 7 }).map((p) => [p.field, p.rule, p.code]), [["UserCount", "multipleOf", "SAG.InvalidUserCount"]], "validate UserCount 7"),
    () => same(buildRequest(SOFTWARE, SEED000, FIXED).canonicalQuery, QUERY, "buildRequest"),
    () => same(buildRequest(SOFTWARE, { ...SEED000, Period: 12n, AutoPay: 1 }, FIXED).canonicalQuery, QUERY, "typed values"),
    () => throwsA(TypeError, () => validate(42, {}), "action 42"),
    () => throwsA(RangeError, () => buildRequest(SOFTWARE, SEED000, { accessKeyId: "" }), "empty accessKeyId"),
    () => same(buildRequest(SOFTWARE, SEED000, FIXED).ok, true, "usable after misuse"),
  ];
  for (const c of checks) c();
  return checks.length;
}
