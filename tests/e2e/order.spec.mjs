// Placing the order (issue 19) through the demo server that Playwright runs
// (scripts/demo-server.mjs): config.json names /order, the order handler signs
// with the run's demo key and orders from the gateway emulator in the same process.
// Its test faults are on: an `x-demo-fault` header on POST /order, added here with
// page.route, has the emulator refuse with a gateway code, or the handler's policy
// refuse with a problem list.
import { test, expect } from "@playwright/test";
import { open, screenshots } from "./page.mjs";

const place = (page) => page.locator("#place-order");
const message = (page) => page.locator("#place-message");

/** Every POST to /order the page makes. */
function orderRequests(page) {
  const seen = [];
  page.on("request", (r) => new URL(r.url()).pathname === "/order" && seen.push(r));
  return seen;
}

/** Adds `x-demo-fault: <fault>` to the page's orders (and, with `delayMs`, holds each back that long). */
async function withFault(page, fault, delayMs = 0) {
  await page.route("**/order", async (route) => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.continue({ headers: { ...route.request().headers(), ...(fault ? { "x-demo-fault": fault } : {}) } });
  });
}

test("a valid order is placed and its order ID shown, in English and in Chinese", async ({ page }) => {
  const requests = orderRequests(page);
  await open(page);
  await expect(page.locator("body")).toHaveAttribute("data-ordering", "on");
  await expect(page.locator("#place")).toBeVisible();
  await expect(page.locator("#place-help")).toContainText("/order");
  await expect(page.locator(".intro")).toContainText("order service");
  await place(page).click();
  await expect(message(page)).toHaveText(/^Order placed\. Order ID: \d{15}\.$/);
  await expect(message(page)).toHaveClass(/\bok\b/);
  await expect(page.locator("#place-status")).toHaveAttribute("role", "status");
  const orderId = (await message(page).textContent()).match(/\d{15}/)[0];
  await expect(page.locator("#place-details dd.order-id")).toHaveText(orderId);
  await expect(page.locator("#place-details")).toContainText(/SmartAGId\s*sag-/);
  // What was sent: { action, params, locale } as JSON, the params as the form holds them.
  expect(requests).toHaveLength(1);
  expect(requests[0].method()).toBe("POST");
  expect(requests[0].headers()["content-type"]).toBe("application/json");
  expect(requests[0].postDataJSON()).toEqual({
    action: "CreateSmartAccessGatewaySoftware",
    params: { AutoPay: "true", ChargeType: "PREPAY", DataPlan: "5", Period: "12", RegionId: "cn-shanghai", UserCount: "5" },
    locale: "en",
  });
  await screenshots(page, "order-placed", "#place");

  // The same in Chinese, an app's client accounts raised, by keyboard alone.
  await page.selectOption("[name=locale]", "zh-CN");
  await page.selectOption("[name=action]", "UpgradeSmartAccessGatewaySoftware");
  await page.fill("[name=SmartAGId]", "sag-abc123");
  await page.fill("[name=UserCount]", "10");
  await place(page).focus();
  await page.keyboard.press("Enter");
  await expect(message(page)).toHaveText(/^下单成功。订单号：\d{15}。$/);
  expect(requests).toHaveLength(2);
  expect(requests[1].postDataJSON()).toMatchObject({ action: "UpgradeSmartAccessGatewaySoftware", locale: "zh-CN", params: { SmartAGId: "sag-abc123", UserCount: "10" } });
  await expect(place(page)).toBeFocused(); // back where the buyer was
  await expect(page.locator("#place-heading")).toHaveText("下单");
});

test("an invalid order never leaves the page", async ({ page }) => {
  const requests = orderRequests(page);
  await open(page);
  await page.fill("[name=UserCount]", "7");
  await place(page).click();
  await expect(message(page)).toHaveText("Fix the 1 problem above before placing the order. Nothing was sent.");
  await expect(page.locator("#summary")).toBeFocused();
  await page.selectOption("[name=locale]", "zh-CN");
  await expect(message(page)).toHaveText("请先修正上面的 1 个问题再下单。订单未发送。");
  await page.fill("[name=UserCount]", "");
  await place(page).click();
  await page.selectOption("[name=action]", "CreateSmartAccessGateway");
  await page.fill("[name=ReceiverEmail]", "not an address");
  await place(page).click();
  await expect(message(page)).toContainText("再下单");
  // Once the order is valid, "fix first" no longer stands.
  await page.fill("[name=ReceiverEmail]", "buyer@example.com");
  await expect(message(page)).toHaveText("");
  await page.waitForTimeout(300); // a request, had one been made, would have been seen by now
  expect(requests).toHaveLength(0);
});

test("the gateway's Throttling.User is told with its hint, in the page's language", async ({ page }) => {
  await withFault(page, "Throttling.User");
  await open(page);
  await place(page).click();
  // The handler retries a throttled order twice, then relays the gateway's answer.
  await expect(message(page)).toHaveText("The gateway refused the order: Throttling.User.", { timeout: 10_000 });
  await expect(page.locator("#place-hint")).toBeVisible();
  await expect(page.locator("#place-hint")).toContainText("Too many requests in a short time: no order was placed.");
  await expect(page.locator("#place-details")).toContainText("Request was denied due to user flow control.");
  await screenshots(page, "order-throttled", "#place");
  // Switching language tells the same refusal in Chinese, hint included.
  await page.selectOption("[name=locale]", "zh-CN");
  await expect(message(page)).toHaveText("网关拒绝了订单：Throttling.User。");
  await expect(page.locator("#place-hint")).toContainText("短时间内请求过多，订单未创建。");
});

test("the gateway's SAG.InvalidUserCount is told with its hint, in Chinese when the page is", async ({ page }) => {
  await withFault(page, "SAG.InvalidUserCount");
  await open(page, "#locale=zh-CN&action=DowngradeSmartAccessGatewaySoftware");
  await page.fill("[name=SmartAGId]", "sag-abc123");
  await page.fill("[name=UserCount]", "5");
  await place(page).click();
  await expect(message(page)).toHaveText("网关拒绝了订单：SAG.InvalidUserCount。");
  await expect(page.locator("#place-hint")).toContainText("UserCount");
  await expect(page.locator("#place-hint")).toContainText("设为 5 的正整数倍");
  await screenshots(page, "order-invalid-user-count-zh", "#place");
});

test("the order service's problem list is shown at the fields it names", async ({ page }) => {
  await withFault(page, "policy UserCount");
  await open(page);
  await place(page).click();
  await expect(message(page)).toHaveText("The order service refused the order: 1 problem to fix, marked at the fields. Nothing was sent to the gateway.");
  const field = page.locator("[name=UserCount]");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#e-UserCount")).toHaveText("This demo does not take this UserCount.");
  await expect(page.locator("#summary")).toBeFocused();
  await expect(page.locator("#summary-errors a")).toHaveText(["This demo does not take this UserCount."]);
  await page.locator("#summary-errors a").click();
  await expect(field).toBeFocused();
  // Changing the order clears them: they were about what was sent.
  await field.fill("10");
  await expect(field).toHaveAttribute("aria-invalid", "false");
  await expect(page.locator("#summary")).toBeHidden();
});

test("a second click while an order is in flight places no second order", async ({ page }) => {
  const requests = orderRequests(page);
  await withFault(page, null, 700); // the order is held back so that it is in flight for a while
  await open(page);
  await place(page).dblclick();
  await expect(place(page)).toBeDisabled();
  await expect(page.locator("#place")).toHaveAttribute("aria-busy", "true");
  await expect(message(page)).toHaveText("Placing the order…");
  // Clicks that reach the handler while it is disabled, or in the same task, do nothing either.
  await place(page).evaluate((button) => {
    button.click();
    button.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  });
  await expect(message(page)).toHaveText(/^Order placed\. Order ID: \d{15}\.$/);
  await expect(place(page)).toBeEnabled();
  await expect(page.locator("#place")).not.toHaveAttribute("aria-busy", "true");
  expect(requests).toHaveLength(1);
});

test("an order service that cannot be reached is told, and the order can be retried", async ({ page }) => {
  await page.route("**/order", (route) => route.abort("connectionrefused"));
  await open(page);
  await place(page).click();
  await expect(message(page)).toHaveText("The order service did not answer. If the order reached it, it may have been placed: check your orders before placing it again.");
  await expect(place(page)).toBeEnabled();
});

test("without config.json the page offers no ordering and sends nothing", async ({ page }) => {
  const requests = orderRequests(page);
  await page.route("**/config.json", (route) => route.fulfill({ status: 404, body: "Not found" }));
  await open(page);
  await expect(page.locator("body")).toHaveAttribute("data-ordering", "off");
  await expect(page.locator("#place")).toBeHidden();
  await expect(page.locator(".intro")).toContainText("Nothing leaves this page");
  // An endpoint on another origin is not taken either (the CSP would refuse it anyway).
  await page.unroute("**/config.json");
  await page.route("**/config.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"orderEndpoint":"https://elsewhere.example/order"}' }));
  await open(page, "#x");
  await expect(page.locator("body")).toHaveAttribute("data-ordering", "off");
  await expect(page.locator("#place")).toBeHidden();
  expect(requests).toHaveLength(0);
});
