// A Node user's require() of the installed package.
const api = require("smartag-request");

import("./checks.mjs").then(({ check }) => console.log(`node require: ${check(api, true)} checks passed`));
