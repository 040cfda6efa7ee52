// V3 differential: signs every case printed by `examples/cases_v3.rs` with
// Alibaba's official signer, @alicloud/openapi-util's getAuthorization, and
// compares the Authorization header (and the hashed payload) with this crate's.
//
// The request handed to getAuthorization is assembled the way the official
// SDK's doRequest (darabonba-openapi, V3 by default) assembles it for an RPC
// API such as the Smartag client's (pathname "/", business parameters in the
// query through OpenApiUtil.query, empty body): host, x-acs-version,
// x-acs-action, user-agent, x-acs-date, x-acs-signature-nonce, accept,
// x-acs-content-sha256, and with an STS token x-acs-accesskey-id and
// x-acs-security-token. It is built from the case's inputs, never from this
// crate's headers, so the headers' choice is compared too.
"use strict";
const crypto = require("crypto");
const readline = require("readline");
const OpenApiUtil = require("@alicloud/openapi-util").default;
const { version } = require("@alicloud/openapi-util/package.json");

const ALGORITHM = "ACS3-HMAC-SHA256";

function official(c) {
  const host = c.endpoint ?? `smartag.${c.query.RegionId}.aliyuncs.com`;
  const payload = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(""), ALGORITHM));
  const headers = {
    host,
    "x-acs-version": "2018-03-13",
    "x-acs-action": c.action,
    "user-agent": `AlibabaCloud (${process.platform}; ${process.arch}) Node.js/${process.version} Core/1.0.1 TeaDSL/2`,
    "x-acs-date": c.date,
    "x-acs-signature-nonce": c.nonce,
    accept: "application/json",
    "x-acs-content-sha256": payload,
  };
  if (c.securityToken) {
    headers["x-acs-accesskey-id"] = c.accessKeyId;
    headers["x-acs-security-token"] = c.securityToken;
  }
  const request = { method: c.method, pathname: "/", query: OpenApiUtil.query(c.query), headers };
  return { payload, authorization: OpenApiUtil.getAuthorization(request, ALGORITHM, payload, c.accessKeyId, c.secret) };
}

/// Our string-to-sign must be what the official signature signs.
function stringToSignHolds(c, officialAuthorization) {
  const hashed = crypto.createHash("sha256").update(c.ours.canonicalRequest, "utf8").digest("hex");
  const signature = crypto.createHmac("sha256", c.secret).update(c.ours.stringToSign, "utf8").digest("hex");
  return c.ours.stringToSign === `${ALGORITHM}\n${hashed}` && officialAuthorization.endsWith(`,Signature=${signature}`);
}

async function main() {
  let passed = 0;
  let failed = 0;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    const theirs = official(c);
    const problems = [];
    if (theirs.authorization !== c.ours.authorization) problems.push(`authorization\n  official ${theirs.authorization}\n  ours     ${c.ours.authorization}`);
    if (theirs.payload !== c.ours.hashedPayload) problems.push(`hashed payload: official ${theirs.payload}, ours ${c.ours.hashedPayload}`);
    if (!stringToSignHolds(c, theirs.authorization)) problems.push("string-to-sign does not hash our canonical request into the official signature");
    if (problems.length === 0) {
      passed += 1;
    } else {
      failed += 1;
      if (failed <= 5) console.error(`case ${c.index} (${c.action}, ${c.method}):\n${problems.join("\n")}\ncanonical request:\n${c.ours.canonicalRequest}\n`);
    }
  }
  console.log(`compared ${passed + failed} V3 requests with @alicloud/openapi-util ${version} getAuthorization`);
  console.log(`v3-differential: ${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
