// A fresh module whose first calls meet a page that replaced String.prototype
// methods: the JS half of the boundary took what it uses when it loaded, so the
// calls work, and so do the ones after.
const assert = require("node:assert/strict");
const api = require("smartag-request");

const ACTION = "CreateSmartAccessGatewaySoftware";
const SEED000 = { RegionId: "cn-shanghai", Period: "12", AutoPay: "true", ChargeType: "PREPAY", UserCount: "5", DataPlan: "5" };
const saved = { split: String.prototype.split, slice: String.prototype.slice };
String.prototype.split = String.prototype.slice = () => {
  throw new Error("tampered");
};
try {
  assert.deepEqual(api.validate(ACTION, SEED000, { locale: "en" }), []);
  assert.equal(api.buildRequest(ACTION, SEED000, { accessKeyId: "testid" }).ok, true);
} finally {
  Object.assign(String.prototype, saved);
}
assert.deepEqual(api.validate(ACTION, SEED000, { locale: "en" }), []);
assert.deepEqual(api.validate(ACTION, { ...SEED000, UserCount: "7" }).map((p) => `${p.field}:${p.rule}`), ["UserCount:multipleOf"]);
const built = api.buildRequest(ACTION, SEED000, { accessKeyId: "testid", nonce: "n", timestamp: "2016-02-23T12:46:24Z" });
assert.equal(built.ok, true);
assert.equal(built.params.UserCount, "5");
console.log("node first call: a page's replaced String methods change no call");
