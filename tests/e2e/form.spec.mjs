// The order form in a real browser: what a buyer sees and does.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { NONCE, SHOTS, TIMESTAMP, fixNonceAndTime, open, output, paste, screenshots } from "./page.mjs";
// Seed 000's request, AccessKeyId testid, worked out by hand from SPEC §4:
// pairs sorted by key, `:` -> %3A, then the whole query percent-encoded once more.
const SEED000_STRING_TO_SIGN =
  "GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateSmartAccessGatewaySoftware%26AutoPay%3Dtrue%26ChargeType%3DPREPAY" +
  "%26DataPlan%3D5%26Format%3DJSON%26Period%3D12%26RegionId%3Dcn-shanghai%26SignatureMethod%3DHMAC-SHA1" +
  "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0" +
  "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26UserCount%3D5%26Version%3D2018-03-13";
// The same request signed with V3, written out by hand from Alibaba's V3 page:
// business parameters in the query, the common ones as sorted x-acs-* headers.
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SEED000_V3_HEADERS = [
  "host: smartag.cn-shanghai.aliyuncs.com",
  "x-acs-action: CreateSmartAccessGatewaySoftware",
  `x-acs-content-sha256: ${EMPTY_SHA256}`,
  `x-acs-date: ${TIMESTAMP}`,
  `x-acs-signature-nonce: ${NONCE}`,
  "x-acs-version: 2018-03-13",
];
const SEED000_V3_QUERY = "AutoPay=true&ChargeType=PREPAY&DataPlan=5&Period=12&RegionId=cn-shanghai&UserCount=5";
const SIGNED_HEADERS = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
const SEED000_V3_REQUEST = ["GET", "/", SEED000_V3_QUERY, ...SEED000_V3_HEADERS.map((h) => h.replace(": ", ":")), "", SIGNED_HEADERS, EMPTY_SHA256].join("\n");
// Python: "ACS3-HMAC-SHA256\n" + hashlib.sha256(SEED000_V3_REQUEST.encode()).hexdigest().
const SEED000_V3_STRING_TO_SIGN = "ACS3-HMAC-SHA256\n9c975851168fbff288f13ffe9ca8574e8018810f260a7f47557b5863a8ccd49e";

test("a first visit shows seed 000's valid request, with the hand-worked string-to-sign", async ({ page }) => {
  await open(page);
  await expect(page.locator("[name=action]")).toHaveValue("CreateSmartAccessGatewaySoftware");
  await expect(page.locator("[name=RegionId]")).toHaveValue("cn-shanghai");
  await expect(output(page, "stringToSign")).toContainText("GET&%2F&AccessKeyId%3DYourAccessKeyId");
  await fixNonceAndTime(page);
  await expect(output(page, "stringToSign")).toHaveText(SEED000_STRING_TO_SIGN);
  await expect(output(page, "url")).toHaveText(/^https:\/\/smartag\.cn-shanghai\.aliyuncs\.com\/\?AccessKeyId=testid&Action=CreateSmartAccessGatewaySoftware&/);
  await expect(output(page, "canonicalQuery")).toContainText("&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=5&Version=2018-03-13");
  await screenshots(page, "valid");
});

test("the V3 switch shows the headers, the canonical request and the hand-worked V3 string-to-sign", async ({ page }) => {
  await open(page);
  await fixNonceAndTime(page);
  await page.selectOption("[name=signature]", "v3");
  await expect(output(page, "stringToSign")).toHaveText(SEED000_V3_STRING_TO_SIGN);
  expect(await output(page, "stringToSign").textContent()).toBe(SEED000_V3_STRING_TO_SIGN);
  expect(await output(page, "canonicalRequest").textContent()).toBe(SEED000_V3_REQUEST);
  expect(await output(page, "headers").textContent()).toBe(SEED000_V3_HEADERS.join("\n"));
  await expect(output(page, "url")).toHaveText(`https://smartag.cn-shanghai.aliyuncs.com/?${SEED000_V3_QUERY}`);
  await expect(output(page, "canonicalQuery")).toHaveCount(0); // it is the URL's query and in the canonical request
  await expect(page.locator("#output-status")).toContainText("Authorization");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/v3-1280.png`, fullPage: true });
  // V3 requests are answered in JSON: XML is refused at the option, and the outputs empty.
  await page.selectOption("[name=format]", "XML");
  await expect(page.locator("#oe-format")).toContainText("JSON with signature v3");
  await expect(page.locator("[name=format]")).toHaveAttribute("aria-invalid", "true");
  await expect(output(page, "stringToSign")).toHaveText("");
  await page.selectOption("[name=format]", "JSON");
  await page.selectOption("[name=signature]", "v1");
  await expect(output(page, "headers")).toHaveCount(0);
  await expect(output(page, "stringToSign")).toHaveText(SEED000_STRING_TO_SIGN);
});

test("UserCount 7 marks the field with the multiple-of-5 message; 10 clears it", async ({ page }) => {
  await open(page);
  const field = page.locator("[name=UserCount]");
  await field.fill("7");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await field.getAttribute("aria-describedby")).split(" ");
  const message = page.locator("#e-UserCount");
  expect(describedBy).toContain("e-UserCount");
  await expect(message).toHaveText("UserCount must be a multiple of 5 (5, 10, 15 ...); got 7.");
  await expect(page.locator("#summary-errors a")).toHaveText(["UserCount must be a multiple of 5 (5, 10, 15 ...); got 7."]);
  await expect(output(page, "stringToSign")).toHaveText("");
  await expect(page.locator("[data-copy=stringToSign]")).toBeDisabled(); // nothing to copy
  // The status line (a live region) says how many problems stand in the way.
  await expect(page.locator("#output-status")).toHaveAttribute("role", "status");
  await expect(page.locator("#output-status")).toHaveText("Fix the 1 problem above to get the request.");
  await screenshots(page, "invalid");
  await page.locator("#summary-errors a").click();
  await expect(field).toBeFocused();
  await field.fill("10");
  await expect(field).toHaveAttribute("aria-invalid", "false");
  await expect(message).toHaveText("");
  await expect(page.locator("#summary")).toBeHidden();
  await expect(output(page, "canonicalQuery")).toContainText("&UserCount=10&");
});

test("changing HardWareSpec re-validates MaxBandWidth at once", async ({ page }) => {
  await open(page, "#action=CreateSmartAccessGateway");
  await page.selectOption("[name=HardWareSpec]", "sag-1000");
  await page.fill("[name=MaxBandWidth]", "100");
  await expect(page.locator("[name=MaxBandWidth]")).toHaveAttribute("aria-invalid", "false");
  await page.selectOption("[name=HardWareSpec]", "sag-100wm");
  await expect(page.locator("[name=MaxBandWidth]")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#e-MaxBandWidth")).toHaveText("With HardWareSpec sag-100wm, MaxBandWidth must be between 2 and 50; got 100.");
});

test("zh-CN shows labels, help and messages in Chinese", async ({ page }) => {
  await open(page);
  await page.selectOption("[name=locale]", "zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator("label[for=f-UserCount] .label")).toHaveText("客户端账号数量");
  await page.fill("[name=UserCount]", "7");
  await expect(page.locator("#e-UserCount")).toHaveText("UserCount 必须是 5 的倍数（5、10、15 ……）；实际为 7。");
  await expect(page.locator("h1")).toHaveText("智能接入网关下单表单");
});

test("a refused build option is told in the page's language, at the option and in the summary", async ({ page }) => {
  await open(page, "#locale=zh-CN");
  await page.fill("[name=endpoint]", "http://x");
  const expected = "服务地址必须是主机名（可带端口），例如 smartag.cn-shanghai.aliyuncs.com（不含协议和路径）。";
  await expect(page.locator("#oe-endpoint")).toHaveText(expected);
  await expect(page.locator("[name=endpoint]")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#summary")).toBeVisible();
  await expect(page.locator("#summary-heading")).toHaveText("有 1 个问题需要修正");
  await expect(page.locator("#summary-errors a")).toHaveText([expected]);
  await page.locator("#summary-errors a").click();
  await expect(page.locator("[name=endpoint]")).toBeFocused();
  await page.fill("[name=endpoint]", "");
  await expect(page.locator("#summary")).toBeHidden();
  await expect(output(page, "url")).toContainText("https://smartag.cn-shanghai.aliyuncs.com/?");
});

test("a warning alone is shown as a warning, not as a problem to fix", async ({ page }) => {
  await open(page);
  await page.fill("[name=RegionId]", "us-east-1");
  await expect(page.locator("#summary")).toBeVisible();
  await expect(page.locator("#summary")).toHaveClass(/\bwarning\b/);
  await expect(page.locator("#summary-heading")).toHaveText("Worth a look");
  await expect(page.locator("#summary-errors li")).toHaveCount(0);
  await expect(output(page, "canonicalQuery")).toContainText("&RegionId=us-east-1&");
  await page.fill("[name=UserCount]", "7");
  await expect(page.locator("#summary")).not.toHaveClass(/\bwarning\b/);
  await expect(page.locator("#summary-heading")).toHaveText("1 problem to fix");
  // Beside a problem to fix, the warning is listed under a heading of its own.
  await expect(page.locator("#summary-errors li")).toHaveCount(1);
  await expect(page.locator("#summary-warnings-heading")).toBeVisible();
  await expect(page.locator("#summary-warnings-heading")).toHaveText("Worth a look");
  await expect(page.locator("#summary-warnings li")).toHaveCount(1);
  await page.fill("[name=UserCount]", "10");
  await expect(page.locator("#summary-warnings-heading")).toBeHidden();
});

test("a refused build option is told together with the params' problems", async ({ page }) => {
  await open(page);
  await page.fill("[name=UserCount]", "7");
  await page.fill("[name=nonce]", "abc def");
  await expect(page.locator("#oe-nonce")).toHaveText("Signature nonce must be 1 to 128 printable ASCII characters without spaces.");
  await expect(page.locator("#summary-heading")).toHaveText("2 problems to fix");
  await expect(page.locator("#output-status")).toHaveText("Fix the 2 problems above to get the request.");
  await expect(page.locator("#e-UserCount")).toContainText("multiple of 5");
});

test("a value past the module's size caps is a problem at its field, and no earlier request stays", async ({ page }) => {
  await open(page, "#action=CreateSmartAccessGateway");
  await expect(output(page, "url")).not.toBeEmpty();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.fill("[name=nonce]", "abc def");
  // Past the budget of one call while the module reads the fields after it: the
  // problem is still the paste's, and the refused option is still told.
  await paste(page, "[name=BuyerMessage]", "x", 1_048_300);
  await expect(page.locator("#e-BuyerMessage")).toContainText("1048576 UTF-16 code units");
  await expect(page.locator("[name=BuyerMessage]")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("[aria-invalid=true]")).toHaveCount(2);
  await expect(page.locator("#oe-nonce")).not.toBeEmpty();
  await expect(page.locator("#summary-heading")).toHaveText("2 problems to fix");
  await expect(output(page, "url")).toBeEmpty();
  await page.fill("[name=nonce]", "");
  await page.fill("[name=BuyerMessage]", "ok");
  await expect(output(page, "url")).not.toBeEmpty();
  expect(errors).toEqual([]);
});

test("a value just inside the size caps is a length problem, and no option is blamed for it", async ({ page }) => {
  await open(page);
  // validate takes it (a `length` problem); with the options' text the build would not.
  await paste(page, "[name=OwnerAccount]", "x", 1_048_440);
  await expect(page.locator("#e-OwnerAccount")).toContainText("at most 4096 characters");
  await expect(page.locator("#summary-heading")).toHaveText("1 problem to fix");
  await expect(page.locator("#options .message.error")).toHaveCount(0);
});

test("a number typed half-way is named as typed, not as missing", async ({ page }) => {
  await open(page);
  await page.fill("[name=UserCount]", "-");
  await expect(page.locator("#e-UserCount")).toHaveText('UserCount must be a whole number from -2147483648 to 2147483647; got "-".');
});

test("markup typed into a field stays text", async ({ page }) => {
  await open(page, "#action=CreateSmartAccessGateway");
  const attack = `<img src=x onerror="window.__pwned=1">`;
  await page.fill("[name=BuyerMessage]", attack);
  await expect(output(page, "canonicalQuery")).toContainText("BuyerMessage=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E");
  await page.fill("[name=Name]", attack);
  await expect(page.locator("#e-Name")).toContainText(attack.slice(0, 20));
  expect(await page.locator("main img").count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("no request leaves the origin", async ({ page, baseURL }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await open(page, "#action=CreateSmartAccessGateway");
  await page.fill("[name=ReceiverEmail]", "buyer@example.com");
  await page.locator("[data-copy=url]").click();
  expect(requests.length).toBeGreaterThan(2);
  expect(requests.filter((u) => !u.startsWith(baseURL) && !u.startsWith("data:"))).toEqual([]);
});

test("copy puts the output on the clipboard and says so to screen readers", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await open(page);
  await fixNonceAndTime(page);
  await page.locator("[data-copy=stringToSign]").click();
  await expect(page.locator("#copy-status")).toHaveText("Copied: String to sign");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SEED000_STRING_TO_SIGN);
});

test("the form can be filled with the keyboard alone", async ({ page }) => {
  await open(page);
  await page.locator("[name=locale]").focus();
  // Tab through to UserCount, counting stops, and type into it.
  for (let i = 0; i < 30 && !(await page.locator("[name=UserCount]").evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(page.locator("[name=UserCount]")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("15");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(page.locator("[name=Period]")).toBeFocused();
  await page.keyboard.press("ArrowDown"); // 12 -> 24
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator("[name=UserCount]")).toBeFocused();
  await expect(output(page, "canonicalQuery")).toContainText("&Period=24&");
  await expect(output(page, "canonicalQuery")).toContainText("&UserCount=15&");
});

test("the URL hash round-trips the form's state", async ({ page, context }) => {
  await open(page, "#action=UpgradeSmartAccessGatewaySoftware");
  await page.fill("[name=SmartAGId]", "sag-abc123");
  await page.fill("[name=UserCount]", "20");
  await page.selectOption("[name=locale]", "zh-CN");
  await page.selectOption("[name=method]", "POST");
  await page.selectOption("[name=signature]", "v3");
  await page.fill("[name=nonce]", NONCE);
  await page.fill("[name=timestamp]", TIMESTAMP);
  const url = await page.evaluate(() => location.href); // page.url() may lag behind replaceState
  expect(new URL(url).hash).toContain("o.signature=v3");
  // A credential is not kept in the URL (history, shared links).
  await page.fill("[name=securityToken]", "sts-secretish");
  expect(await page.evaluate(() => location.hash)).not.toContain("sts-secretish");
  await page.fill("[name=securityToken]", "");
  const request = await output(page, "canonicalRequest").textContent();
  expect(request).toMatch(/^POST\n\/\nAutoPay=true&DataPlan=5&RegionId=cn-shanghai&SmartAGId=sag-abc123&UserCount=20\n/);
  const again = await context.newPage();
  await open(again, new URL(url).hash);
  await expect(again.locator("[name=action]")).toHaveValue("UpgradeSmartAccessGatewaySoftware");
  await expect(again.locator("[name=SmartAGId]")).toHaveValue("sag-abc123");
  await expect(again.locator("[name=UserCount]")).toHaveValue("20");
  await expect(again.locator("[name=locale]")).toHaveValue("zh-CN");
  await expect(again.locator("[name=method]")).toHaveValue("POST");
  await expect(again.locator("[name=signature]")).toHaveValue("v3");
  await expect(output(again, "canonicalRequest")).toHaveText(request);
  expect(await output(again, "canonicalRequest").textContent()).toBe(request);
  await expect(output(again, "stringToSign")).toHaveText(/^ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
});

test("a bookmarked name that is not one of the action's fields is left out", async ({ page }) => {
  // Action is a field, but the picker sets it: the form has no control to clear it.
  await open(page, "#action=CreateSmartAccessGateway&p.UserCount=7&p.MaxBandWidth=5000&p.Action=DescribeRegions");
  await expect(page.locator("[name=MaxBandWidth]")).toHaveValue("5000");
  await expect(page.locator("#e-MaxBandWidth")).toContainText("MaxBandWidth must be between");
  await expect(page.locator("#summary")).not.toContainText("UserCount");
  await expect(page.locator("#summary")).not.toContainText("Action");
  expect(await page.evaluate(() => location.hash)).not.toMatch(/UserCount|DescribeRegions/);
});

test("an accessibility scan finds no serious or critical violation", async ({ browser }) => {
  const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // The page's CSP (rightly) refuses injected scripts; the scanner is test tooling.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  for (const [hash, audit, answer] of [
    ["", "", ""],
    ["#action=CreateSmartAccessGateway&p.UserCount=7&p.MaxBandWidth=5000&locale=zh-CN&o.signature=v3", "Action=CreateSmartAccessGatewaySoftware&UserCount=7&RegionId=us-east-1", '{"Code":"Throttling.User","Message":"m"}'],
    ["#action=UpgradeSmartAccessGateway", "GET https://smartag.cn-shanghai.aliyuncs.com/?RegionId=cn-shanghai\nx-acs-action: UpgradeSmartAccessGateway", '{"RequestId":"R","OrderId":"203000000000001"}'],
  ]) {
    await open(page, hash);
    await page.fill("[name=audit]", audit);
    await page.fill("[name=response]", answer);
    if (answer.includes("OrderId")) {
      await page.locator("#place-order").click(); // the page with a placed order
      await expect(page.locator("#place-message")).toContainText("Order ID");
    }
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
  }
  await context.close();
});

test("the page obeys its Content-Security-Policy with no violations", async ({ page }) => {
  const violations = [];
  page.on("console", (m) => m.type() === "error" && violations.push(m.text()));
  await open(page);
  await page.fill("[name=UserCount]", "7");
  expect(violations).toEqual([]);
  const csp = await page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await page.locator("script:not([src])").count()).toBe(0);
});

test("the six actions are offered in groups by what they do, in both languages; a change puts the instance ID first", async ({ page }) => {
  await open(page);
  const groups = page.locator("[name=action] optgroup");
  await expect(groups).toHaveCount(3);
  const layout = () =>
    page.locator("[name=action]").evaluate((select) => [...select.children].map((g) => [g.label, [...g.children].map((o) => o.value)]));
  const actionsByGroup = [
    ["CreateSmartAccessGatewaySoftware", "CreateSmartAccessGateway"],
    ["UpgradeSmartAccessGateway", "DowngradeSmartAccessGateway"],
    ["UpgradeSmartAccessGatewaySoftware", "DowngradeSmartAccessGatewaySoftware"],
  ];
  expect(await layout()).toEqual([["Buy", actionsByGroup[0]], ["Change hardware", actionsByGroup[1]], ["Change app", actionsByGroup[2]]]);
  // The audit's answer picker is grouped the same way.
  expect(await page.locator("[name=response-action] optgroup").evaluateAll((gs) => gs.map((g) => g.label))).toEqual(["Buy", "Change hardware", "Change app"]);
  // Each change action: its fields from describe(), the instance being changed first.
  for (const action of [...actionsByGroup[1], ...actionsByGroup[2]]) {
    await page.selectOption("[name=action]", action);
    await expect(page.locator("#fields .field").first()).toHaveAttribute("data-field", "SmartAGId");
    await expect(page.locator("#fields .field").nth(1)).toHaveAttribute("data-field", "RegionId");
    await expect(output(page, "stringToSign")).not.toBeEmpty(); // the examples make a valid request
  }
  // A purchase keeps describe()'s order.
  await page.selectOption("[name=action]", "CreateSmartAccessGatewaySoftware");
  await expect(page.locator("#fields .field").first()).toHaveAttribute("data-field", "RegionId");
  await page.selectOption("[name=locale]", "zh-CN");
  expect(await layout()).toEqual([["购买", actionsByGroup[0]], ["变更硬件", actionsByGroup[1]], ["变更 APP", actionsByGroup[2]]]);
  await expect(page.locator("[name=action]")).toHaveValue("CreateSmartAccessGatewaySoftware");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator("[name=action]").screenshot({ path: `${SHOTS}/actions-picker.png` });
});

test("a valid request shows the aliyun CLI command, copyable, signed by the buyer's own profile", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await open(page);
  const cli = "aliyun smartag CreateSmartAccessGatewaySoftware --force --AutoPay true --ChargeType PREPAY --DataPlan 5 --Period 12 --RegionId cn-shanghai --UserCount 5";
  await expect(output(page, "cli")).toHaveText(cli);
  await expect(page.locator("#out-cli")).toHaveText("aliyun CLI command");
  await expect(page.locator("#out-help-cli")).toContainText("signs it with your own CLI profile (aliyun configure)");
  await expect(output(page, "cli")).toHaveAttribute("aria-describedby", "out-help-cli");
  await page.locator("[data-copy=cli]").click();
  await expect(page.locator("#copy-status")).toHaveText("Copied: aliyun CLI command");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cli);
  // With V3 too; and in Chinese.
  await page.selectOption("[name=signature]", "v3");
  await expect(output(page, "cli")).toHaveText(cli);
  await page.selectOption("[name=locale]", "zh-CN");
  await expect(page.locator("#out-cli")).toHaveText("aliyun 命令行");
  await expect(page.locator("#out-help-cli")).toContainText("用您自己的 CLI 配置（aliyun configure）签名");
  // Values are quoted for a POSIX shell; markup stays text.
  await page.selectOption("[name=action]", "CreateSmartAccessGateway");
  await page.fill("[name=BuyerMessage]", "it's <b>");
  await expect(output(page, "cli")).toContainText(`--BuyerMessage 'it'\\''s <b>' `);
  expect(await page.locator("main b").count()).toBe(0);
  await screenshots(page, "cli", "#outputs");
  // A value a shell cannot pass: no command, and the reason.
  await paste(page, "[name=BuyerMessage]", "a\u0000b");
  await expect(output(page, "url")).not.toBeEmpty();
  await expect(output(page, "cli")).toHaveText("");
  await expect(page.locator("[data-copy=cli]")).toBeDisabled();
  await expect(page.locator("#out-help-cli")).toHaveText("无法生成命令行：某个值含有 shell 无法传递的字符（U+0000）。");
  // An invalid request has none either.
  await page.fill("[name=BuyerMessage]", "");
  await page.fill("[name=MaxBandWidth]", "5000");
  await expect(output(page, "cli")).toHaveText("");
  await expect(page.locator("[data-copy=cli]")).toBeDisabled();
});
