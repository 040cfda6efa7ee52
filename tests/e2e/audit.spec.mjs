// The "Audit a request" view: a pasted request read back with parseRequest (V1 text,
// or a whole V1 or V3 request with its headers), and a gateway answer with parseResponse.
import { test, expect } from "@playwright/test";
import { createRequire } from "node:module";
import { NONCE, TIMESTAMP, fixNonceAndTime, open, output, screenshots } from "./page.mjs";

const audit = (page) => page.locator("[name=audit]");
const problems = (page) => page.locator("#audit-problems li");
const cell = (page, name) => page.locator(`#audit tr[data-param=${name}] td`);

/** Seed 000's URL as the form builds it with a fixed nonce and time. */
async function builtUrl(page) {
  await fixNonceAndTime(page);
  await expect(output(page, "url")).toContainText("Timestamp=2016-02-23T12%3A46%3A24Z");
  return output(page, "url").textContent();
}

test("a URL built by the form reads back with no problems", async ({ page }) => {
  await open(page);
  await expect(page.locator("#audit-status")).toHaveText("Nothing to audit yet.");
  await expect(page.locator("#audit-result")).toBeHidden();
  await audit(page).fill(await builtUrl(page));
  await expect(page.locator("#audit-status")).toHaveText("No problems found.");
  await expect(page.locator("#audit-status")).toHaveAttribute("role", "status");
  await expect(problems(page)).toHaveCount(0);
  await expect(page.locator("[data-audit=action]")).toHaveText("CreateSmartAccessGatewaySoftware");
  // The parameters as the form has them, then the common ones.
  await expect(page.locator("#audit-params th")).toHaveText(["AutoPay", "ChargeType", "DataPlan", "Period", "RegionId", "UserCount"]);
  await expect(cell(page, "UserCount")).toHaveText("5");
  await expect(cell(page, "AutoPay")).toHaveText("true");
  await expect(cell(page, "Timestamp")).toHaveText("2016-02-23T12:46:24Z");
  await expect(cell(page, "AccessKeyId")).toHaveText("testid");
});

test("a tampered URL shows each problem with its field, in the current locale", async ({ page }) => {
  await open(page);
  const tampered = (await builtUrl(page)).replace("UserCount=5", "UserCount=7").replace(/&Timestamp=[^&]*/, "");
  await audit(page).fill(tampered);
  await expect(page.locator("#audit-status")).toHaveText("2 problems found:");
  await expect(problems(page)).toHaveText([
    "Timestamp Timestamp is required.",
    "UserCount UserCount must be a multiple of 5 (5, 10, 15 ...); got 7.",
  ]);
  await expect(problems(page).locator("code")).toHaveText(["Timestamp", "UserCount"]);
  await expect(cell(page, "UserCount")).toHaveText("7");
  await expect(page.locator("#audit tr[data-param=UserCount]")).toHaveClass(/flagged/);
  await expect(page.locator("#audit tr[data-param=Timestamp]")).toHaveCount(0);
  await screenshots(page, "audit", "#audit");
  await page.selectOption("[name=locale]", "zh-CN");
  await expect(audit(page)).toHaveValue(tampered);
  await expect(page.locator("#audit-status")).toHaveText("发现 2 个问题：");
  await expect(problems(page)).toHaveText([
    "Timestamp Timestamp 为必填参数。",
    "UserCount UserCount 必须是 5 的倍数（5、10、15 ……）；实际为 7。",
  ]);
  await expect(page.locator("#audit-heading")).toHaveText("审核请求");
  await screenshots(page, "audit-zh", "#audit");
});

test("pasted markup stays text, and a request that is not Smartag's says so", async ({ page }) => {
  await open(page);
  const attack = `<img src=x onerror="window.__pwned=1">`;
  await audit(page).fill(`?Action=DescribeRegions&Bogus=${encodeURIComponent(attack)}&${encodeURIComponent(attack)}=1`);
  await expect(page.locator("[data-audit=action]")).toHaveText("DescribeRegions");
  await expect(problems(page).first()).toContainText("Action");
  await expect(cell(page, "Bogus")).toHaveText(attack);
  await expect(page.locator("#audit-params th").nth(1)).toHaveText(attack);
  expect(await page.locator("main img").count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // Emptying the box clears the report.
  await audit(page).fill("  ");
  await expect(page.locator("#audit-status")).toHaveText("Nothing to audit yet.");
  await expect(problems(page)).toHaveCount(0);
  await expect(page.locator("#audit-result")).toBeHidden();
});

// The Node build, to make a signed V3 request the way a backend would (the page cannot sign).
const smartag = createRequire(import.meta.url)("../../pkg-node/smartag_request.js");
const SEED000 = { RegionId: "cn-shanghai", Period: 12, AutoPay: true, ChargeType: "PREPAY", UserCount: 5, DataPlan: 5 };

/** A request written out as it is sent: `METHOD URL`, then `name: value` header lines. */
function signedV3(params = SEED000, { method = "GET" } = {}) {
  const built = smartag.buildRequest("CreateSmartAccessGatewaySoftware", params, { accessKeyId: "testid", signature: "v3", method, timestamp: TIMESTAMP, nonce: NONCE });
  const headers = { ...built.headers, authorization: smartag.authorization(built, "testsecret-not-a-real-one") };
  return [`${method} ${built.url}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join("\n");
}

test("a whole V3 request, with its headers, reads back; its signature is said not to be checked", async ({ page }) => {
  await open(page);
  await expect(page.locator("#audit")).toContainText("Signatures are not verified here");
  const text = signedV3();
  await audit(page).fill(text);
  await expect(page.locator("#audit-status")).toHaveText("No problems found.");
  await expect(page.locator("[data-audit=action]")).toHaveText("CreateSmartAccessGatewaySoftware");
  await expect(page.locator("[data-audit=form]")).toHaveText("a whole GET request with its headers, signature V3");
  await expect(page.locator("#audit-params th")).toHaveText(["AutoPay", "ChargeType", "DataPlan", "Period", "RegionId", "UserCount"]);
  await expect(cell(page, "UserCount")).toHaveText("5");
  await expect(cell(page, "x-acs-date")).toHaveText(TIMESTAMP);
  await expect(cell(page, "x-acs-signature-nonce")).toHaveText(NONCE);
  await expect(cell(page, "AccessKeyId")).toHaveText("testid");
  await expect(cell(page, "SignatureMethod")).toHaveText("ACS3-HMAC-SHA256");
  // No secret field anywhere on the page.
  await expect(page.locator("input[type=password], [name*=secret i], [id*=secret i]")).toHaveCount(0);
  await screenshots(page, "audit-v3", "#audit");

  // A changed value and a missing header are problems at their names, in the current locale.
  const tampered = text.replace("UserCount=5", "UserCount=7").replace(/^x-acs-date: .*\n/m, "");
  await audit(page).fill(tampered);
  await expect(page.locator("#audit-status")).toHaveText(/problems found:$/);
  await expect(problems(page).locator("code")).toContainText(["x-acs-date", "UserCount"]);
  await expect(page.locator("#audit tr[data-param=UserCount]")).toHaveClass(/flagged/);
  await page.selectOption("[name=locale]", "zh-CN");
  await expect(page.locator("[data-audit=form]")).toHaveText("带请求头的完整 GET 请求，签名 V3");
  await expect(problems(page).filter({ hasText: "UserCount" })).toContainText("必须是 5 的倍数");
});

test("the form's own V3 output pasted as a request lacks only its Authorization; V1 with a request line and a body reads too", async ({ page }) => {
  await open(page, "#o.signature=v3&o.method=POST");
  await fixNonceAndTime(page);
  const url = await output(page, "url").textContent();
  const headers = await output(page, "headers").textContent();
  // A path and a host header, the HTTP/1.1 request line as a proxy log shows it.
  const path = url.slice("https://smartag.cn-shanghai.aliyuncs.com".length);
  await audit(page).fill(`POST ${path} HTTP/1.1\n${headers}`);
  await expect(page.locator("#audit-status")).toHaveText("1 problem found:");
  await expect(problems(page).locator("code")).toHaveText(["Authorization"]);
  await expect(page.locator("[data-audit=form]")).toHaveText("a whole POST request with its headers, signature V3");
  // A V1 request with a method line, its pairs in a form body after an empty line.
  await page.selectOption("[name=signature]", "v1");
  const query = await output(page, "canonicalQuery").textContent();
  await audit(page).fill(`POST https://smartag.cn-shanghai.aliyuncs.com/\ncontent-type: application/x-www-form-urlencoded\n\n${query}`);
  await expect(page.locator("[data-audit=form]")).toHaveText("a whole POST request with its headers, signature V1");
  await expect(page.locator("#audit-status")).toHaveText("No problems found."); // unsigned V1 reads as the URL does
  await expect(cell(page, "UserCount")).toHaveText("5");
  // A line that is not a header is named.
  await audit(page).fill(`GET ${url}\nhost smartag.cn-shanghai.aliyuncs.com`);
  await expect(page.locator("#audit-status")).toHaveText('Line 2 is not a header ("name: value"). Put an empty line before a body.');
  await expect(page.locator("#audit-result")).toBeHidden();
});

test("a gateway answer reads back: the order ID, or the code with its hint", async ({ page }) => {
  await open(page);
  const answer = page.locator("[name=response]");
  await expect(page.locator("#response-message")).toHaveText("Nothing to read yet.");
  await expect(page.locator("#response-status")).toHaveAttribute("role", "status");
  // The OrderId's exact digits, beyond 2^53 too.
  await answer.fill('{"RequestId":"5DA7D2A8-7A1C","OrderId":203000000000000001,"SmartAGId":"sag-abc","ResourceGroupId":"rg-1"}');
  await expect(page.locator("#response-message")).toHaveText("The gateway placed the order. Order ID: 203000000000000001.");
  await expect(page.locator("#response-details dd.order-id")).toHaveText("203000000000000001");
  await expect(page.locator("#response-details")).toContainText("sag-abc");
  await expect(page.locator("#response-hint")).toBeHidden();
  // A whole answer in XML, status line and headers first, for the chosen action.
  await page.selectOption("[name=response-action]", "UpgradeSmartAccessGatewaySoftware");
  await answer.fill(
    "HTTP/1.1 400 Bad Request\ncontent-type: text/xml\n\n<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>R-1</RequestId><HostId>smartag.aliyuncs.com</HostId><Code>SAG.InvalidUserCount</Code><Message>The specified UserCount is invalid.</Message></Error>",
  );
  await expect(page.locator("#response-message")).toHaveText("The gateway refused the request: SAG.InvalidUserCount.");
  await expect(page.locator("#response-hint")).toContainText("multiple of 5");
  await expect(page.locator("#response-details")).toContainText("400");
  await expect(page.locator("#response-details")).toContainText("R-1");
  await screenshots(page, "audit-response", "#response-result");
  await page.selectOption("[name=locale]", "zh-CN");
  await expect(page.locator("[name=response-action]")).toHaveValue("UpgradeSmartAccessGatewaySoftware"); // picked, so it stays
  await expect(page.locator("#response-hint")).toContainText("5 的正整数倍");
  // Markup in an answer stays text; something that is not an answer says so.
  await answer.fill('{"Code":"<img src=x onerror=\\"window.__pwned=1\\">","Message":"<b>x</b>"}');
  await expect(page.locator("#response-details")).toContainText("<b>x</b>");
  expect(await page.locator("main img, main b").count()).toBe(0);
  await answer.fill("<html>Bad gateway</html>");
  await expect(page.locator("#response-message")).toContainText("UnreadableResponse");
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
