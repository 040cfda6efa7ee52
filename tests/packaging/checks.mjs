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

// V3 keeps only the business parameters in the query.
const V3_QUERY = "AutoPay=true&ChargeType=PREPAY&DataPlan=5&Period=12&RegionId=cn-shanghai&UserCount=5";
const DESCRIBE_REGIONS =
  "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1" +
  "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0" +
  "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";

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

/**
 * Runs the checks against one import of the package; returns how many passed.
 * `signs`: the Node build signs; the browser builds (web, bundler) must not.
 */
export function check({ actions, describe, validate, buildRequest, sign, signedUrl, authorization, parseRequest }, signs) {
  const signing = signs
    ? [
        // SPEC §4: Alibaba's published DescribeRegions example.
        () => same(sign(DESCRIBE_REGIONS, "testsecret"), "OLeaidS1JvxuMvnyHOwuJ+uX5qY=", "sign v1"),
        () => throwsA(RangeError, () => sign("x", ""), "empty secret"),
      ]
    : [
        () => same([typeof sign, typeof signedUrl, typeof authorization], ["undefined", "undefined", "undefined"], "no signing in a page"),
        () => throwsA(RangeError, () => parseRequest(QUERY, { accessKeySecret: "testsecret" }), "no secret in a page"),
      ];
  const checks = [
    () => same(actions(), [SOFTWARE, "CreateSmartAccessGateway", "UpgradeSmartAccessGatewaySoftware", "UpgradeSmartAccessGateway", "DowngradeSmartAccessGateway", "DowngradeSmartAccessGatewaySoftware"], "actions"),
    () => same(describe(SOFTWARE).fields.find((f) => f.name === "UserCount").multipleOf, 5, "describe"),
    () => same(validate(SOFTWARE, SEED000), [], "validate seed 000"),
    () => same(validate(SOFTWARE, { ...SEED000, UserCount: 7 }).map((p) => [p.field, p.rule, p.code]), [["UserCount", "multipleOf", "SAG.InvalidUserCount"]], "validate UserCount 7"),
    () => same(buildRequest(SOFTWARE, SEED000, FIXED).canonicalQuery, QUERY, "buildRequest"),
    () => same(buildRequest(SOFTWARE, { ...SEED000, Period: 12n, AutoPay: 1 }, FIXED).canonicalQuery, QUERY, "typed values"),
    () => same(buildRequest(SOFTWARE, SEED000, { ...FIXED, signature: "v3" }).canonicalQuery, V3_QUERY, "buildRequest v3"),
    ...signing,
    () => same(parseRequest(QUERY).params, { AutoPay: true, ChargeType: "PREPAY", DataPlan: 5, Period: 12, RegionId: "cn-shanghai", UserCount: 5 }, "parseRequest"),
    () => throwsA(TypeError, () => validate(42, {}), "action 42"),
    () => throwsA(RangeError, () => buildRequest(SOFTWARE, SEED000, { accessKeyId: "" }), "empty accessKeyId"),
    () => same(buildRequest(SOFTWARE, SEED000, FIXED).ok, true, "usable after misuse"),
  ];
  for (const c of checks) c();
  return checks.length;
}
