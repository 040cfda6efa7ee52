"use strict";
// The smartag-request Node build that the server half uses when no
// `options.module` is given: the one this folder ships next to. The packaging
// script copies js/server/ to pkg-node/server/ (and pkg/node/server/), so the
// build's entry point is one folder up.

function loadModule(caller) {
  try {
    return require("../smartag_request.js");
  } catch (err) {
    const e = new Error(
      `${caller}: the smartag-request Node build was not found next to server/ (../smartag_request.js); ` +
        "pass options.module, e.g. require(\"smartag-request\")",
    );
    e.cause = err;
    throw e;
  }
}

/** Checks that `mod` has what the server half calls, so a wrong object fails at start, not per order. */
function checkModule(mod, caller, names) {
  if (typeof mod !== "object" && typeof mod !== "function") {
    throw new TypeError(`${caller}: options.module must be the smartag-request Node build (require("smartag-request"))`);
  }
  for (const name of names) {
    if (typeof mod[name] !== "function") {
      throw new TypeError(
        `${caller}: options.module has no function ${name}; it must be the smartag-request Node build (the web builds cannot sign)`,
      );
    }
  }
  return mod;
}

module.exports = { loadModule, checkModule };
