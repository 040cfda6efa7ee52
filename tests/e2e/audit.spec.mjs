// The "Audit a request" view: a pasted request read back with parseRequest.
import { test, expect } from "@playwright/test";
import { fixNonceAndTime, open, output, screenshots } from "./page.mjs";

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
