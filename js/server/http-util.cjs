"use strict";
// Small helpers shared by the order handler and the gateway emulator: reading a
// body with a byte limit, JSON answers, and scrubbing a secret out of text.
// Plain CommonJS, no dependency beyond Node 20's globals (Request, Response,
// TextDecoder).

/** Thrown by readBody when the body is larger than the limit. */
class BodyTooLarge extends Error {
  constructor(limit) {
    super(`the request body is larger than ${limit} bytes`);
    this.name = "BodyTooLarge";
    this.limit = limit;
  }
}

/** Thrown by readBody when the body's bytes are not UTF-8. */
class BodyNotUtf8 extends Error {
  constructor() {
    super("the request body is not UTF-8 text");
    this.name = "BodyNotUtf8";
  }
}

/**
 * Reads a web Request's (or Response's) body as UTF-8 text, counting bytes as
 * they arrive: over `limit` it stops reading, cancels the stream and throws
 * BodyTooLarge. A Content-Length over the limit is refused before reading, but
 * a smaller (or absent, or lying) Content-Length is not trusted.
 */
async function readBody(message, limit) {
  const declared = message.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared.trim()) > limit) {
    await cancel(message.body);
    throw new BodyTooLarge(limit);
  }
  if (message.body === null) return "";
  const reader = message.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new BodyNotUtf8();
  }
}

async function cancel(stream) {
  if (stream && !stream.locked) await stream.cancel().catch(() => {});
}

/**
 * Replaces every occurrence of each secret in `text` (as is, percent-encoded,
 * and JSON-escaped) with "***". Secrets shorter than 4 characters are still
 * scrubbed; an empty one is ignored.
 */
function scrub(text, secrets) {
  let out = String(text);
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret === "") continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      if (out.includes(form)) out = out.split(form).join("***");
    }
  }
  return out;
}

/** A JSON answer that no cache keeps and no browser sniffs. */
function jsonResponse(status, value, headers = {}) {
  return new Response(JSON.stringify(value), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...headers,
    },
  });
}

/** A plain object made by JSON.parse (or a literal): not null, not an array. */
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { BodyTooLarge, BodyNotUtf8, readBody, scrub, jsonResponse, isPlainObject, sleep };
