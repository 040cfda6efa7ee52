// A browser app bundled with esbuild: the web build, its .wasm emitted by esbuild's
// `file` loader and handed to init(), as esbuild has no wasm-module support.
import init, * as api from "smartag-request/web";
import wasmUrl from "smartag-request/web/smartag_request_bg.wasm";
import { check } from "./checks.mjs";

await init({ module_or_path: wasmUrl });
console.log(`esbuild bundle in Chromium: ${check(api, false)} checks passed`);
