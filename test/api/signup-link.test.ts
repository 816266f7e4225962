/**
 * The server is the one source of sign-up links (SPEC §5.3): an answer carrying a fresh activation
 * token carries its link in `x-cohort-signup-link`, built on COHORT_BASE_URL, never on the address
 * the request came to. Without COHORT_BASE_URL the link names the address the server listens on.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { SIGNUP_LINK_HEADER, signupLink } from "../../src/core/signup-link.js";
import type { WireUser } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { useTestServer } from "../helpers/server.js";

const PUBLIC_URL = "https://cohort.example.com/team";

describeEachDialect("sign-up links from the server", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_BASE_URL: `${PUBLIC_URL}/` } });

  it("an invitation answers with its link on the configured base URL", async () => {
    const reply = await t.admin.post("/api/v1/users", { name: uniqueName() });
    assert.equal(reply.status, 200);
    const user = reply.body as WireUser;
    assert.ok(user.activation_token);
    assert.equal(reply.headers.get(SIGNUP_LINK_HEADER), signupLink(PUBLIC_URL, user, user.activation_token));
    assert.ok(!t.server.url.startsWith(PUBLIC_URL), "the test reaches the server by another address");
  });

  it("a regenerated link is on the configured base URL too and carries the new token", async () => {
    const invited = (await t.admin.post("/api/v1/users", { name: uniqueName() })).body as WireUser;
    const reply = await t.admin.put(`/api/v1/users/${invited.id}/deactivate`);
    assert.equal(reply.status, 200);
    const token = (reply.body as WireUser).activation_token;
    assert.ok(token && token !== invited.activation_token);
    assert.equal(reply.headers.get(SIGNUP_LINK_HEADER), signupLink(PUBLIC_URL, invited, token));
  });

  it("answers without a token carry no link", async () => {
    const reply = await t.admin.post("/api/v1/users", { name: uniqueName(), password: USER_PASSWORD });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get(SIGNUP_LINK_HEADER), null);
    assert.equal((await t.admin.get(`/api/v1/users/${reply.body.id}`)).headers.get(SIGNUP_LINK_HEADER), null);
  });
});

describeEachDialect("sign-up links without COHORT_BASE_URL", (dialect) => {
  const t = useTestServer({ dialect });

  it("name the address the server listens on (its port chosen at start)", async () => {
    const link = (await t.admin.post("/api/v1/users", { name: uniqueName() })).headers.get(SIGNUP_LINK_HEADER) ?? "";
    assert.ok(link.startsWith(`${t.server.url}/signup?`), link);
  });
});
