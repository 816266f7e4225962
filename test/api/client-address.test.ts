/**
 * The client address (SPEC §5.1) behind each COHORT_TRUST_PROXY setting, from raw requests carrying
 * forged X-Forwarded-For chains. The hole this pins: with `true`, the server took the left-most
 * entry, which the client writes, so a new value per request dodged the per-address limit and
 * forged the audit log's source. The address is the right-most entry no trusted hop added; it is
 * what the audit log, the sessions list and the per-address counter see.
 *
 * The test client connects from 127.0.0.1, so that is the address of the hop nearest the server.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { rawRequest } from "../helpers/raw-http.js";
import { useTestServer, type ServerFixture } from "../helpers/server.js";

const PER_ADDRESS = 3;

/** A login sent with `forwardedFor` as its X-Forwarded-For header (none when undefined). */
async function loginVia(t: ServerFixture, forwardedFor: string | undefined, username: string, password: string) {
  const reply = await rawRequest(t.server.url, {
    method: "POST",
    path: "/api/v1/login",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
    },
    body: new URLSearchParams({ username, password }).toString(),
  });
  return { status: reply.status, body: JSON.parse(reply.text) as { access_token?: string } };
}

/** The source the audit log recorded for the failed login of `username`. */
async function auditedSource(t: ServerFixture, username: string): Promise<string> {
  const reply = await t.admin.get("/api/v1/audit_events", { action: "login", target_name: username });
  assert.equal(reply.status, 200);
  assert.equal(reply.body.items.length, 1, `one login event for ${username}`);
  return reply.body.items[0].source as string;
}

/** A value the client makes up anew for every request, as an attacker dodging a limit would. */
const forged = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

interface Setting {
  /** COHORT_TRUST_PROXY, or undefined for unset. */
  value: string | undefined;
  /** X-Forwarded-For chains (the part before them forged) and the client address each gives. */
  chains: { header: (junk: string) => string | undefined; address: string }[];
}

const SETTINGS: Setting[] = [
  {
    value: undefined,
    chains: [
      { header: () => undefined, address: "127.0.0.1" },
      { header: (junk) => `${junk}, 203.0.113.9`, address: "127.0.0.1" },
    ],
  },
  {
    value: "1",
    chains: [
      { header: () => undefined, address: "127.0.0.1" },
      { header: (junk) => `${junk}, 203.0.113.9`, address: "203.0.113.9" },
      { header: (junk) => `${junk},203.0.113.10, 203.0.113.11`, address: "203.0.113.11" },
    ],
  },
  {
    // The old setting: read as one hop now, no longer as the left-most entry the client wrote.
    value: "true",
    chains: [{ header: (junk) => `${junk}, 203.0.113.9`, address: "203.0.113.9" }],
  },
  {
    value: "2",
    chains: [
      { header: (junk) => `${junk}, 203.0.113.9, 10.0.0.2`, address: "203.0.113.9" },
      { header: () => "203.0.113.12", address: "203.0.113.12" },
    ],
  },
  {
    // The proxies: this host and a private network; the client is the first address outside them.
    value: "127.0.0.1, 10.0.0.0/8",
    chains: [
      { header: (junk) => `${junk}, 203.0.113.9, 10.1.2.3, 10.200.0.1`, address: "203.0.113.9" },
      { header: (junk) => `${junk}, 203.0.113.13`, address: "203.0.113.13" },
      { header: () => "10.1.1.1", address: "10.1.1.1" },
    ],
  },
  {
    // Proxies somewhere else: a request straight from this host names itself, whatever it says.
    value: "10.0.0.0/8",
    chains: [{ header: (junk) => `${junk}, 203.0.113.9`, address: "127.0.0.1" }],
  },
];

describeEachDialect("client address", (dialect) => {
  for (const setting of SETTINGS) {
    describe(`COHORT_TRUST_PROXY=${setting.value ?? "(unset)"}`, () => {
      const env: Record<string, string> = { COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS) };
      if (setting.value !== undefined) env.COHORT_TRUST_PROXY = setting.value;
      const t = useTestServer({ dialect, env });

      // Failed logins per client address so far, across this server's tests.
      const failures = new Map<string, number>();
      const failFrom = async (chain: Setting["chains"][number], username = uniqueName("ghost")) => {
        const header = chain.header(forged());
        const reply = await loginVia(t, header, username, "wrong-password-xxxx");
        const before = failures.get(chain.address) ?? 0;
        assert.equal(reply.status, before < PER_ADDRESS ? 401 : 429, `failure ${before + 1} from ${chain.address} (${header})`);
        failures.set(chain.address, before + 1);
        return header;
      };

      it("is what the audit log and the sessions list show", async () => {
        const { user } = await createActiveUser(t.server, t.admin);
        for (const chain of setting.chains) {
          const ghost = uniqueName("ghost");
          const header = await failFrom(chain, ghost);
          assert.equal(await auditedSource(t, ghost), chain.address, `audit source for X-Forwarded-For: ${header}`);

          const login = await loginVia(t, header, user.name, USER_PASSWORD);
          assert.equal(login.status, 200);
          const sessions = await t.server.api(login.body.access_token ?? "").get("/api/v1/current-user/sessions");
          const current = (sessions.body as { current: boolean; source: string }[]).find((s) => s.current);
          assert.equal(current?.source, chain.address, `session source for X-Forwarded-For: ${header}`);
        }
      });

      it("counts failures per client address, however the client varies the forged part", async () => {
        for (const chain of setting.chains) {
          while ((failures.get(chain.address) ?? 0) <= PER_ADDRESS) await failFrom(chain);
        }
      });
    });
  }
});
