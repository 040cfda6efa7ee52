// The bundler build as a bundler's runtime loads it: an ES module that imports
// its .wasm (Node's --experimental-wasm-modules stands in for webpack or Vite).
import * as api from "./node_modules/smartag-request/bundler/smartag_request.js";
import { check } from "./checks.mjs";

console.log(`bundler build, wasm imported as a module: ${check(api, false)} checks passed`);
