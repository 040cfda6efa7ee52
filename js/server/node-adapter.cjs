"use strict";
// toNodeListener: mounts a web-standard (Request) => Promise<Response> handler
// (the order handler or the gateway emulator) in node:http —
// http.createServer(toNodeListener(handler)) or a route of an existing server:
// (req, res) => toNodeListener(handler)(req, res).

/**
 * @param handler (request: Request) => Promise<Response>
 * @param options.origin the scheme and host the Request's URL gets (default
 *   `http://<Host header or localhost>`); the handlers here read only the path and
 *   query of it, and the emulator checks the Host header that V3 signs.
 */
function toNodeListener(handler, options = {}) {
  if (typeof handler !== "function") throw new TypeError("toNodeListener: handler must be a function (request) => Promise<Response>");
  const origin = options.origin;
  return async function nodeListener(req, res) {
    let response;
    try {
      const base = origin ?? `http://${safeHost(req.headers.host)}`;
      // The path only: an absolute-form request target (http://other/...) does not pick the origin.
      const path = req.url.startsWith("/") ? req.url : "/";
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        try {
          headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
        } catch {
          // A header value Headers refuses is dropped.
        }
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(new URL(path, base), {
        method: req.method,
        headers,
        body: hasBody ? bodyStream(req) : undefined,
        duplex: hasBody ? "half" : undefined,
      });
      response = await handler(request);
    } catch {
      response = new Response(JSON.stringify({ ok: false, status: 500, code: "InternalError", message: "The server failed." }), {
        status: 500,
        headers: { "content-type": "application/json; charset=utf-8" },
      });
    }
    const out = {};
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    // A body left unread (a refusal before reading, a 413) is not drained: the
    // connection is closed after the answer, so a large upload stops early.
    const unread = !req.complete;
    if (unread) out.connection = "close";
    res.writeHead(response.status, out);
    if (response.body === null) {
      res.end();
    } else {
      const body = Buffer.from(await response.arrayBuffer());
      res.end(body);
    }
    if (unread) res.once("finish", () => req.destroy());
  };
}

/**
 * The request body as a web ReadableStream, read on demand. Not stream.Readable.toWeb:
 * in Node 20 cancelling its stream while data is still arriving throws from an
 * event handler ("Controller is already closed") and takes the process down, and a
 * handler cancels the body whenever it refuses an order unread (415, 413 …).
 * Cancelling this one only stops reading; the listener closes the connection.
 */
function bodyStream(req) {
  let finished = false;
  // Always listened to, so that a client that aborts cannot raise an unhandled 'error'.
  req.on("error", (err) => {
    if (finished) return;
    finished = true;
    controllerRef.error(err);
  });
  let controllerRef;
  return new ReadableStream(
    {
      start(controller) {
        controllerRef = controller;
        req.pause();
        req.on("data", (chunk) => {
          if (finished) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if (controller.desiredSize <= 0) req.pause();
        });
        req.on("end", () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        finished = true;
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

function safeHost(host) {
  return typeof host === "string" && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : "localhost";
}

module.exports = { toNodeListener };
