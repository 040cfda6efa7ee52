// Differential test against Alibaba's official Node signer, @alicloud/openapi-util:
// the same cases and checks as official_signer.py (see there).
// Usage: node tests/differential/official_signer.mjs cases.jsonl
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const Client = createRequire(import.meta.url)("@alicloud/openapi-util").default;
const SECRETS = ["testsecret", "s3cr&t=+/张🚀"];

const ours = (stringToSign, secret) => createHmac("sha1", `${secret}&`).update(stringToSign, "utf8").digest("base64");

let passed = 0;
let failed = 0;
const check = (ok, message) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(message);
  }
};

const methods = new Set();
let published = 0;
for (const line of readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean)) {
  const c = JSON.parse(line);
  methods.add(c.method);
  for (const secret of SECRETS) {
    const official = Client.getRPCSignature(c.params, c.method, secret);
    const mine = ours(c.stringToSign, secret);
    check(official === mine, `MISMATCH ${c.name} (${secret}): official ${official}, ours ${mine}`);
  }
  if (c.expectedSignature !== undefined) {
    published++;
    const official = Client.getRPCSignature(c.params, c.method, "testsecret");
    check(official === c.expectedSignature, `published example ${c.name}: official ${official}, Alibaba ${c.expectedSignature}`);
  }
}
check(methods.size === 2 && methods.has("GET") && methods.has("POST"), `expected GET and POST cases, got ${[...methods]}`);
check(published === 1, `expected one published example, got ${published}`);
console.log(`node: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
