/**
 * COHORT_TRUST_PROXY (SPEC §5.1): a hop count or a list of trusted proxy addresses; the old `true`
 * still starts (as one hop, with a warning saying so); anything else stops the start with a
 * one-line message. With the setting off, a request carrying X-Forwarded-For is logged once, so an
 * operator behind a proxy learns why every client has the proxy's address.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadConfig } from "../../src/server/config.js";
import { startServer } from "../../src/server/main.js";
import { rawRequest } from "../helpers/raw-http.js";

const trustProxyOf = (value: string | undefined) =>
  loadConfig(value === undefined ? {} : { COHORT_TRUST_PROXY: value }, { dataDir: "/nonexistent" }).trustProxy;

describe("COHORT_TRUST_PROXY", () => {
  it("is off unless set", () => {
    for (const value of [undefined, "", "false", "0"]) assert.equal(trustProxyOf(value), false, String(value));
  });

  it("takes a number of hops", () => {
    assert.deepEqual(trustProxyOf("1"), { hops: 1 });
    assert.deepEqual(trustProxyOf(" 3 "), { hops: 3 });
  });

  it("reads the old `true` as one hop", () => {
    assert.deepEqual(trustProxyOf("true"), { hops: 1 });
  });

  it("takes a comma-separated list of addresses and CIDR ranges", () => {
    assert.deepEqual(trustProxyOf("10.0.0.0/8, 127.0.0.1,fd00::/8 ,::1"), { addresses: ["10.0.0.0/8", "127.0.0.1", "fd00::/8", "::1"] });
    assert.deepEqual(trustProxyOf("loopback,uniquelocal"), { addresses: ["loopback", "uniquelocal"] });
  });

  it("refuses anything else with one line naming the setting", () => {
    for (const value of [
      "yes",
      "-1",
      "1.5",
      "1000",
      "10.0.0.0/33",
      "10.0.0/8",
      "::1/129",
      "10.0.0.1,",
      "host.example",
      "10.0.0.0/8 127.0.0.1",
    ]) {
      assert.throws(
        () => trustProxyOf(value),
        (err: Error) => /^COHORT_TRUST_PROXY /.test(err.message) && !err.message.includes("\n"),
        `'${value}' is refused`,
      );
    }
  });
});

/** A server on a fresh SQLite store whose log lines (JSON) land in the returned array. */
async function serverWithLog(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), "cohort_trust_"));
  const lines: { level: number; msg: string }[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) };
  const config = loadConfig(
    { COHORT_DEFAULT_USER_PASSWORD: "trust-proxy-test-passphrase-1", ...env },
    { host: "127.0.0.1", port: 0, dataDir },
  );
  const server = await startServer(config, { logger: { level: "warn", stream } });
  return {
    server,
    // Only warnings on this subject: a server started before the dashboard is built warns of that too.
    warnings: () => lines.filter((l) => l.level === 40 && /X-Forwarded-For|COHORT_TRUST_PROXY/.test(l.msg)).map((l) => l.msg),
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe("COHORT_TRUST_PROXY warnings", () => {
  it("the old `true` starts with one warning saying it means one hop", async () => {
    const s = await serverWithLog({ COHORT_TRUST_PROXY: "true" });
    try {
      assert.equal(s.warnings().length, 1);
      assert.match(s.warnings()[0] ?? "", /COHORT_TRUST_PROXY=true .*one proxy hop/);
    } finally {
      await s.close();
    }
  });

  it("off, the first request carrying X-Forwarded-For is logged, once", async () => {
    const s = await serverWithLog({});
    try {
      await rawRequest(s.server.url, { method: "GET", path: "/api/v1/info" });
      assert.deepEqual(s.warnings(), [], "nothing to say without the header");
      for (const forwarded of ["203.0.113.1", "203.0.113.2"]) {
        await rawRequest(s.server.url, { method: "GET", path: "/api/v1/info", headers: { "x-forwarded-for": forwarded } });
      }
      assert.equal(s.warnings().length, 1);
      assert.match(s.warnings()[0] ?? "", /X-Forwarded-For.*COHORT_TRUST_PROXY/);
    } finally {
      await s.close();
    }
  });

  it("set, forwarded requests are what it expects and are not logged", async () => {
    const s = await serverWithLog({ COHORT_TRUST_PROXY: "1" });
    try {
      await rawRequest(s.server.url, { method: "GET", path: "/api/v1/info", headers: { "x-forwarded-for": "203.0.113.1" } });
      assert.deepEqual(s.warnings(), []);
    } finally {
      await s.close();
    }
  });
});
