// A fresh module whose first call fails before the JS half of its boundary kept the
// option and action names it is sent once (String.prototype.split throws here; at
// the end of the JS stack it would be a stack overflow): the calls after it work.
const assert = require("node:assert/strict");
const api = require("smartag-request");

const ACTION = "CreateSmartAccessGatewaySoftware";
const SEED000 = { RegionId: "cn-shanghai", Period: "12", AutoPay: "true", ChargeType: "PREPAY", UserCount: "5", DataPlan: "5" };
const split = String.prototype.split;
String.prototype.split = () => {
  throw new Error("no split");
};
try {
  assert.throws(() => api.validate(ACTION, SEED000, { locale: "en" }), { name: "Error", message: /threw: no split$/ });
  assert.throws(() => api.buildRequest(ACTION, SEED000, { accessKeyId: "testid" }), { name: "Error", message: /threw: no split$/ });
} finally {
  String.prototype.split = split;
}
assert.deepEqual(api.validate(ACTION, SEED000, { locale: "en" }), []);
assert.deepEqual(api.validate(ACTION, { ...SEED000, UserCount: "7" }).map((p) => `${p.field}:${p.rule}`), ["UserCount:multipleOf"]);
const built = api.buildRequest(ACTION, SEED000, { accessKeyId: "testid", nonce: "n", timestamp: "2016-02-23T12:46:24Z" });
assert.equal(built.ok, true);
assert.equal(built.params.UserCount, "5");
console.log("node first call: a failed first call leaves the next ones working");
