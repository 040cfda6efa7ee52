// The benchmark's page in Chromium: the web build of the package (pkg/web), the
// same cases and timing as in Node. bench/run.mjs bundles this with esbuild.
import init, * as pkg from "../pkg/web/smartag_request.js";
import { cases, measure, verify } from "./harness.mjs";

globalThis.bench = async (options) => {
  await init({ module_or_path: "/smartag_request_bg.wasm" });
  verify(pkg);
  const list = await measure(cases(pkg), { ...options, now: () => performance.now(), pause: () => new Promise((r) => setTimeout(r, 0)) });
  return list.map(({ action, op, input, impl, samples }) => ({ action, op, input, impl, samples }));
};
