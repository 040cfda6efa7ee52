// Helpers and hand-derived values shared by the e2e specs.
import { expect } from "@playwright/test";

export const SHOTS = "test-results/screenshots";
export const NONCE = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";
export const TIMESTAMP = "2016-02-23T12:46:24Z";

export async function open(page, hash = "") {
  await page.goto(`/${hash}`);
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
}

export async function fixNonceAndTime(page) {
  await page.fill("[name=accessKeyId]", "testid");
  await page.fill("[name=nonce]", NONCE);
  await page.fill("[name=timestamp]", TIMESTAMP);
}

export const output = (page, name) => page.locator(`[data-output=${name}]`);

/**
 * Puts `count` copies of `text` into a field at once, as a paste does: one input
 * event, the text made in the page (a megabyte need not cross the protocol, nor be
 * typed key by key).
 */
export async function paste(page, selector, text, count = 1) {
  await page.locator(selector).evaluate((field, [piece, times]) => {
    field.focus();
    field.value = piece.repeat(times);
    field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, [text, count]);
}

/** The whole page, or one section of it, at desktop and phone widths. */
export async function screenshots(page, name, section = null) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const path = `${SHOTS}/${name}-${width}.png`;
    await (section ? page.locator(section).screenshot({ path }) : page.screenshot({ path, fullPage: true }));
  }
}
