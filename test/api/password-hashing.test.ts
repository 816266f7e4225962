/**
 * Password hashing (SPEC §5.2): argon2id with m = 19 MiB, t = 2, p = 1, the parameters kept in the
 * hash, and a hash made with other parameters replaced at the next successful login, so raising
 * the cost reaches every account without a reset.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { hash } from "@node-rs/argon2";
import { transaction } from "../../src/server/services/context.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, USER_PASSWORD } from "../helpers/fixtures.js";
import { useTestServer } from "../helpers/server.js";

const CONFIGURED = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

describeEachDialect("password hashing", (dialect) => {
  const t = useTestServer({ dialect });
  const ctx = () => t.server.running.runtime.ctx;
  const storedHash = async (id: string) =>
    (await ctx().db.kysely.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirstOrThrow()).password_hash;

  /** The user's password as a server with cheaper settings would have stored it. */
  async function storeWeakerHash(id: string): Promise<string> {
    const weaker = await hash(USER_PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await transaction(ctx(), (q) => q.updateTable("users").set({ password_hash: weaker }).where("id", "=", id).execute());
    return weaker;
  }

  it("stores argon2id with the configured parameters, never the password", async () => {
    const alice = await createActiveUser(t.server, t.admin);
    const stored = await storedHash(alice.user.id);
    assert.match(stored ?? "", CONFIGURED);
    assert.ok(!stored?.includes(USER_PASSWORD));
  });

  it("re-hashes at login a hash made with other parameters, which keeps working", async () => {
    const bob = await createActiveUser(t.server, t.admin);
    const weaker = await storeWeakerHash(bob.user.id);
    assert.equal((await t.server.attemptLogin(bob.user.name, USER_PASSWORD)).status, 200);
    const rehashed = await storedHash(bob.user.id);
    assert.notEqual(rehashed, weaker);
    assert.match(rehashed ?? "", CONFIGURED);
    assert.equal((await t.server.attemptLogin(bob.user.name, USER_PASSWORD)).status, 200, "the new hash verifies");
  });

  it("a failed login re-hashes nothing", async () => {
    const carol = await createActiveUser(t.server, t.admin);
    const weaker = await storeWeakerHash(carol.user.id);
    assert.equal((await t.server.attemptLogin(carol.user.name, "not-her-password-at-all-7781")).status, 401);
    assert.equal(await storedHash(carol.user.id), weaker);
  });
});
