/**
 * The access generation (store/access-generation.ts) on every dialect: what a server process
 * remembers of a session is trusted only while the generation stands, so every write that could
 * make it wrong must move the generation in the writer's own transaction, and nothing else may
 * write those tables. Each case below is a way that rule could be broken.
 */
import assert from "node:assert/strict";
import { after, before, it, mock } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { transaction, type Ctx } from "../../src/server/services/context.js";
import { authenticate, startSession } from "../../src/server/services/authentication.js";
import { accessGenerationNow, readAccessGeneration } from "../../src/server/store/access-generation.js";
import { openDatabase, type Db } from "../../src/server/store/db.js";
import { migrateToLatest } from "../../src/server/store/migrate.js";
import { appendAuditEvent } from "../../src/server/store/repos/audit.js";
import { newId } from "../../src/server/store/repos/ids.js";
import { insertSession, touchSession } from "../../src/server/store/repos/sessions.js";
import { insertUser, updateUser } from "../../src/server/store/repos/users.js";
import { after as later, now } from "../../src/server/store/time.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { uniqueName } from "../helpers/fixtures.js";
import { userRow } from "../helpers/rows.js";
import { useStore } from "../helpers/store.js";

describeEachDialect("access generation", (dialect) => {
  const store = useStore(dialect);
  /** The store as the server opens it: access tables written only in transactions. */
  let db: Db;
  let ctx: Ctx;
  before(() => {
    db = openDatabase(store.ctx.config.databaseUrl);
    ctx = { db, config: store.ctx.config };
  });
  after(async () => {
    await db?.close();
  });

  const generation = () => readAccessGeneration(db.kysely);
  /**
   * Runs `fn` with the clock at the epoch: the generation then moves by exactly one per advance,
   * as it does whenever it is ahead of the clock.
   */
  async function atEpoch<T>(fn: () => Promise<T>): Promise<T> {
    const clock = mock.method(Date, "now", () => 0);
    try {
      return await fn();
    } finally {
      clock.mock.restore();
    }
  }
  const userCount = async () => (await db.kysely.selectFrom("users").select("id").execute()).length;
  const aUser = () => userRow({ name: uniqueName() });
  /** A user and a live session of theirs, written the way login writes them. */
  async function userWithSession(): Promise<string> {
    const user = aUser();
    const id = newId();
    await transaction(ctx, (q) => insertUser(q, user));
    await transaction(ctx, (q) =>
      insertSession(q, {
        id,
        token_digest: newId(),
        user_id: user.id,
        created: now(),
        last_seen: now(),
        idle_expires: later(3600),
        max_expires: later(7200),
        client: "test",
        source: "127.0.0.1",
        revoked: 0,
      }),
    );
    return id;
  }

  it("a write to an access table outside a transaction is refused and writes nothing", async () => {
    const [before, users] = [await generation(), await userCount()];
    await assert.rejects(insertUser(db.kysely, aUser()), /only inside transaction\(\)/);
    await assert.rejects(db.kysely.deleteFrom("role_assignment").execute(), /only inside transaction\(\)/);
    await assert.rejects(sql`delete from team_member`.execute(db.kysely), /only inside transaction\(\)/);
    assert.equal(await userCount(), users);
    assert.equal(await generation(), before);
  });

  it("a transaction that writes an access table moves the generation once, with its commit", async () => {
    const before = await generation();
    const user = aUser();
    await atEpoch(async () => {
      await transaction(ctx, async (q) => {
        await insertUser(q, user);
        await updateUser(q, user.id, { full_name: "Changed twice" });
      });
      assert.equal(await generation(), before + 1);
      await transaction(ctx, (q) => updateUser(q, user.id, { active: 0 }));
      assert.equal(await generation(), before + 2);
    });
  });

  it("moves at least to the clock, so a counter put back by a restored backup never repeats a value", async () => {
    const clock = Date.now() * 1000;
    await transaction(ctx, (q) => insertUser(q, aUser()));
    const moved = await generation();
    assert.ok(moved >= clock, `${moved} < ${clock}`);
    await sleep(2); // the next millisecond, so the clock alone would move it on
    await db.kysely.withoutPlugins().updateTable("access_generation").set({ value: 0 }).execute();
    await transaction(ctx, (q) => insertUser(q, aUser()));
    assert.ok((await generation()) > moved);
  });

  it("a session remembered before a backup is restored is read afresh, however often the store changes after", async () => {
    const user = aUser();
    await transaction(ctx, (q) => insertUser(q, user));
    const { access_token: token } = await startSession(ctx, user, { client: "test", source: "127.0.0.1" });
    const backup = await generation();
    // Changes before the restore, counted one by one as any counter would count them.
    await atEpoch(async () => {
      for (let i = 0; i < 3; i++) await transaction(ctx, (q) => insertUser(q, aUser()));
    });
    const remembered = await generation();
    assert.equal((await authenticate(ctx, token, "127.0.0.1")).id, user.id);
    // The restore: the user is inactive in the backup, and the counter back at the backup's value.
    const restore = db.kysely.withoutPlugins();
    await restore.updateTable("users").set({ active: 0 }).where("id", "=", user.id).execute();
    await restore.updateTable("access_generation").set({ value: backup }).execute();
    // As many changes after it as the servers saw before it: counting up would meet `remembered` again.
    for (let i = backup; i < remembered; i++) await transaction(ctx, (q) => insertUser(q, aUser()));
    assert.notEqual(await generation(), remembered);
    await assert.rejects(async () => authenticate(ctx, token, "127.0.0.1"), /Invalid authentication credentials/);
  });

  it("a transaction that rolls back leaves the generation where it was", async () => {
    const before = await generation();
    await assert.rejects(
      transaction(ctx, async (q) => {
        await insertUser(q, aUser());
        throw new Error("changed my mind");
      }),
      /changed my mind/,
    );
    assert.equal(await generation(), before);
  });

  it("raw SQL that writes counts as a change, whatever it writes", async () => {
    const before = await generation();
    await transaction(ctx, async (q) => {
      await sql`update login_failure set at = at where 1 = 0`.execute(q);
    });
    assert.ok((await generation()) > before);
  });

  it("writes that cannot make a remembered session wrong leave it alone", async () => {
    const sessionId = await userWithSession(); // a user (moves it), then a session (does not)
    const before = await generation();
    await transaction(ctx, (q) =>
      appendAuditEvent(q, {
        id: newId(),
        created: now(),
        actor_id: null,
        actor_name: "system",
        action: "test",
        target_type: "request",
        target_id: null,
        target_name: null,
        outcome: "success",
        source: null,
        summary: "",
      }),
    );
    await touchSession(db.kysely, sessionId, now(), later(3600));
    assert.equal(await migrateToLatest(db).then((applied) => applied.length), 0);
    assert.equal(await generation(), before);
  });

  it("a session's other columns are not activity: revoking one outside a transaction is refused", async () => {
    const sessionId = await userWithSession();
    await assert.rejects(db.kysely.updateTable("session").set({ revoked: 1 }).where("id", "=", sessionId).execute(), /only inside/);
    await assert.rejects(
      db.kysely.updateTable("session").set({ last_seen: now(), revoked: 1 }).where("id", "=", sessionId).execute(),
      /only inside/,
    );
  });

  it("is read at once on SQLite outside a transaction, and agrees with the store; elsewhere, not at all", async () => {
    const synchronous = dialect.name === "sqlite";
    assert.equal(accessGenerationNow(db.kysely), synchronous ? await generation() : undefined);
    await transaction(ctx, async (q) => {
      await insertUser(q, aUser());
      // The transaction's write is not committed yet: a read now would see it, so none is made.
      assert.equal(accessGenerationNow(db.kysely), undefined);
    });
    assert.equal(accessGenerationNow(db.kysely), synchronous ? await generation() : undefined);
  });

  it("a remembered session is confirmed without a promise on SQLite; its first check, and any on the other stores, takes one", async () => {
    const user = aUser();
    await transaction(ctx, (q) => insertUser(q, user));
    const { access_token: token } = await startSession(ctx, user, { client: "test", source: "127.0.0.1" });
    const first = authenticate(ctx, token, "127.0.0.1");
    assert.ok(first instanceof Promise);
    assert.equal((await first).id, user.id);
    const again = authenticate(ctx, token, "127.0.0.1");
    assert.equal(again instanceof Promise, dialect.name !== "sqlite");
    assert.equal((await again).id, user.id);
    // A change to access: the session is read afresh, so a promise again.
    await transaction(ctx, (q) => updateUser(q, user.id, { full_name: "Renamed" }));
    assert.ok(authenticate(ctx, token, "127.0.0.1") instanceof Promise);
  });
});
