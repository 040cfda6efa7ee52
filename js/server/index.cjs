"use strict";
// smartag-request/server — the Node half that places orders (SPEC §7).
// CommonJS (.cjs) because the Node build it sits next to is CommonJS; ES
// modules load it with `import { createOrderHandler } from "smartag-request/server"`.

const { createOrderHandler } = require("./order-handler.cjs");
const { createGatewayEmulator } = require("./gateway-emulator.cjs");
const { toNodeListener } = require("./node-adapter.cjs");

exports.createOrderHandler = createOrderHandler;
exports.createGatewayEmulator = createGatewayEmulator;
exports.toNodeListener = toNodeListener;
