// A Node user's ES module import of the installed package.
import * as api from "smartag-request";
import { check } from "./checks.mjs";

console.log(`node ESM import: ${check(api, true)} checks passed`);
