// Issue 5 in the form: hostile strings typed into every field change nothing
// but the values, the messages and the output text; no markup, no script, no request.
import { test, expect } from "@playwright/test";

const HOSTILE = [
  `<img src=x onerror="window.__pwned=1">`,
  `"><script>window.__pwned=2</script>`,
  "a&Signature=evil&AccessKeyId=x",
  "#frag?x=1%26y=2+z",
  "\u0000nul and \u202Ebidi",
  "'; DROP TABLE orders; --",
  "{{constructor.constructor('window.__pwned=3')()}}",
  "张三 😀 ~*+/",
];

/** The page's structure without its text: tags and attributes, minus what typing changes. */
function structure(page) {
  return page.evaluate(() => {
    const skip = new Set(["value", "aria-invalid", "class", "hidden", "disabled"]); // what validation toggles
    const walk = (node) =>
      node.nodeType !== 1
        ? ""
        : `<${node.tagName}${[...node.attributes].filter((a) => !skip.has(a.name)).map((a) => ` ${a.name}=${a.value}`).join("")}>` +
          [...node.childNodes].map(walk).join("") +
          `</${node.tagName}>`;
    // The summary lists one link per problem: compared separately.
    const clone = document.querySelector("#order").cloneNode(true);
    clone.querySelectorAll("#summary li").forEach((li) => li.remove());
    return walk(clone);
  });
}

test("hostile strings in every text field stay text and change only values, messages and outputs", async ({ page, baseURL }) => {
  test.setTimeout(120_000); // 8 strings × every text field (numbers are text inputs too), each re-validated
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("/#action=CreateSmartAccessGateway");
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  const before = await structure(page);
  const fields = await page.locator("#fields input[type=text], #fields input[type=email], #options input[type=text]").evaluateAll((els) =>
    els.map((e) => e.name),
  );
  expect(fields.length).toBeGreaterThan(15);
  for (const value of HOSTILE) {
    for (const name of fields) await page.locator(`[name="${name}"]`).fill(value);
    expect(await structure(page)).toEqual(before);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    // Every message and summary link is plain text: nothing was parsed as HTML.
    expect(await page.locator("#order img, #order script, #summary li *:not(a)").count()).toBe(0);
  }
  // A free-text field alone keeps the request valid, and its value travels encoded.
  await page.goto("about:blank");
  await page.goto("/#action=CreateSmartAccessGateway");
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await page.fill("[name=BuyerMessage]", HOSTILE[2]);
  await expect(page.locator("[data-output=canonicalQuery]")).toContainText("&BuyerMessage=a%26Signature%3Devil%26AccessKeyId%3Dx&");
  await expect(page.locator("[data-output=canonicalQuery]")).toContainText("AccessKeyId=YourAccessKeyId&");
  expect(requests.filter((u) => !u.startsWith(baseURL) && !u.startsWith("data:") && u !== "about:blank")).toEqual([]);
});
