// End-to-end tests of the form in Debian's Chromium (never a downloaded browser),
// against the demo server (scripts/demo-server.mjs: the form, /config.json and
// POST /order to the in-process gateway emulator), with its test faults on.
//
// No fixed port: the server listens on a free one (--port 0) and prints it;
// webServer.wait reads it into SMARTAG_E2E_PORT, which the workers, started
// after the server, see when they load this file. E2E_PORT=… picks one instead.
import { defineConfig } from "@playwright/test";

const FIXED = process.env.E2E_PORT;
const PORT = FIXED ?? process.env.SMARTAG_E2E_PORT;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 30_000,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: PORT ? `http://127.0.0.1:${PORT}/` : undefined,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: `node scripts/demo-server.mjs --port ${FIXED ?? 0}`,
    env: { SMARTAG_DEMO_TEST_FAULTS: "1" },
    wait: { stdout: /the order form is at http:\/\/127\.0\.0\.1:(?<smartag_e2e_port>\d+)\// },
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
