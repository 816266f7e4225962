/**
 * User rules (src/server/policy/users.ts, SPEC §4 rules 2, 3, 6, 9): reading needs `read`,
 * changing others `write` (told before the user is looked up, so a refusal does not say who
 * exists) and every permission they hold; oneself needs `me` for one's profile; nobody sets
 * another's password, deactivates or deletes themselves; the default user keeps its name and is
 * never deleted; emails are shown to their owner and to writers; opting in is for oneself.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import {
  authorizeChangeUsers,
  authorizeCreateUser,
  authorizeDeactivateUser,
  authorizeDeleteUser,
  authorizeEmailOptIn,
  authorizeEmailOptInRequest,
  authorizeListUsers,
  authorizeUpdateSelf,
  authorizeUpdateUser,
  authorizeUpdateUserRequest,
  authorizeUnlockUser,
  canSeeEmail,
  emailShownSql,
  forbidDefaultUserRename,
} from "../../src/server/policy/users.js";
import { illegal, NOT_ENOUGH, outcome, principal, userActor } from "../helpers/policy.js";

const DEFAULT = "default";
const admin = userActor("admin", ["read", "write", "me"]);
const rw = userActor("rw", ["read", "write"]);
const guest = userActor("guest", ["read", "me"]);
const meOnly = userActor("meonly", ["me"]);
const alice = principal("alice", ["read"]);
const anAdmin = principal("other-admin", ["read", "write", "me"]);
const OUTRANKED = illegal(
  "User 'name-of-other-admin' holds 'me', which you do not: only someone who holds every permission they hold may change them, their roles or their teams.",
);
const self = (actor: { id: string; name: string }) => ({ id: actor.id, name: actor.name, holdings: principal(actor.id, []).holdings });

describe("reading and creating", () => {
  it("listing and getting users needs read; creating and changing others, write", () => {
    assert.equal(
      outcome(() => authorizeListUsers(guest)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeListUsers(meOnly)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeCreateUser(rw)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeCreateUser(guest)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeChangeUsers(rw)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeChangeUsers(userActor("ws", [], { w: ["write"] }))),
      NOT_ENOUGH,
    );
  });

  it("an email is shown to its owner and to writers, and the SQL twin says the same", () => {
    assert.equal(canSeeEmail(guest, { id: "guest", name: "x" }), true);
    assert.equal(canSeeEmail(guest, { id: "alice", name: "alice" }), false);
    assert.equal(canSeeEmail(rw, { id: "alice", name: "alice" }), true);
    const db = new Kysely<{ users: { id: string } }>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }) });
    const sqlOf = (actor: typeof rw) => db.selectFrom("users").select("id").where(emailShownSql(actor)).compile();
    assert.match(sqlOf(rw).sql, /where true$/);
    assert.match(sqlOf(guest).sql, /where "users"\."id" = \?$/);
    assert.deepEqual(sqlOf(guest).parameters, ["guest"]);
  });
});

describe("PUT /users/{id}", () => {
  it("before the lookup: naming oneself (by id or name, any case) passes; anyone else needs write", () => {
    assert.equal(
      outcome(() => authorizeUpdateUserRequest(meOnly, "meonly")),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateUserRequest(meOnly, "NAME-OF-MEONLY")),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateUserRequest(meOnly, "alice")),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeUpdateUserRequest(rw, "alice")),
      "ok",
    );
  });

  it("oneself: profile fields need me, or write", () => {
    const update = (actor: typeof rw, change: object) => outcome(() => authorizeUpdateUser(actor, self(actor), change, DEFAULT));
    for (const change of [{ name: "n" }, { full_name: "f" }, { email: "e@x" }, { email_opted_in: true }, { password: "p" }]) {
      assert.equal(update(meOnly, change), "ok", JSON.stringify(change));
      assert.equal(update(userActor("none", []), change), NOT_ENOUGH, JSON.stringify(change));
    }
    assert.equal(update(rw, { full_name: "f" }), "ok");
    assert.equal(update(userActor("none", []), {}), "ok", "nothing to change needs nothing");
  });

  it("oneself: active needs write, and false is never allowed", () => {
    const update = (actor: typeof rw, change: object) => outcome(() => authorizeUpdateUser(actor, self(actor), change, DEFAULT));
    assert.equal(update(guest, { active: true }), NOT_ENOUGH);
    assert.equal(update(admin, { active: true }), "ok");
    assert.equal(
      update(admin, { active: false }),
      illegal("You cannot deactivate the user account currently used to authenticate to the server."),
    );
  });

  it("others: write, never their password, and only those who hold no more than the actor", () => {
    assert.equal(
      outcome(() => authorizeUpdateUser(rw, alice, { full_name: "A", active: false }, DEFAULT)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateUser(guest, alice, {}, DEFAULT)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeUpdateUser(admin, alice, { password: "secret" }, DEFAULT)),
      illegal("You cannot set another user's password; deactivate the user to issue a new activation link instead."),
    );
    assert.equal(
      outcome(() => authorizeUpdateUser(rw, anAdmin, { active: false }, DEFAULT)),
      OUTRANKED,
    );
    assert.equal(
      outcome(() => authorizeUpdateUser(rw, anAdmin, {}, DEFAULT)),
      OUTRANKED,
    );
  });

  it("the default user keeps its name (another case of it is another name)", () => {
    const byDefault = { id: "d", name: "Default" };
    assert.equal(
      outcome(() => forbidDefaultUserRename(byDefault, "Default", DEFAULT)),
      "ok",
    );
    assert.equal(
      outcome(() => forbidDefaultUserRename(byDefault, null, DEFAULT)),
      "ok",
    );
    assert.equal(
      outcome(() => forbidDefaultUserRename(byDefault, "default", DEFAULT)),
      illegal("The username of the default user account cannot be changed."),
    );
    assert.equal(
      outcome(() => forbidDefaultUserRename({ id: "a", name: "alice" }, "bob", DEFAULT)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateUser(admin, { ...principal("d", []), name: "default" }, { name: "root" }, DEFAULT)),
      illegal("The username of the default user account cannot be changed."),
    );
  });
});

describe("oneself, deleting, new links, email opt-in", () => {
  it("PUT /current-user: me, and the default user keeps its name", () => {
    assert.equal(
      outcome(() => authorizeUpdateSelf(meOnly, { id: "meonly", name: "meonly" }, "new", DEFAULT)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateSelf(rw, { id: "rw", name: "rw" }, null, DEFAULT)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeUpdateSelf(admin, { id: "admin", name: "default" }, "root", DEFAULT)),
      illegal("The username of the default user account cannot be changed."),
    );
  });

  it("deleting: write; never oneself, never the default user, never someone holding more", () => {
    assert.equal(
      outcome(() => authorizeDeleteUser(rw, alice, DEFAULT)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeDeleteUser(guest, alice, DEFAULT)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeDeleteUser(admin, self(admin), DEFAULT)),
      illegal(
        "You cannot delete the user account currently used to authenticate to the server. If you wish to delete this account, please authenticate with another account or contact your ZenML administrator.",
      ),
    );
    assert.equal(
      outcome(() => authorizeDeleteUser(admin, { ...principal("d", []), name: "DEFAULT" }, DEFAULT)),
      illegal("The default user account cannot be deleted."),
    );
    assert.equal(
      outcome(() => authorizeDeleteUser(rw, anAdmin, DEFAULT)),
      OUTRANKED,
    );
  });

  it("a new link (deactivation): write; never oneself, never someone holding more", () => {
    assert.equal(
      outcome(() => authorizeDeactivateUser(rw, alice)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeDeactivateUser(guest, alice)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeDeactivateUser(admin, self(admin))),
      illegal("You cannot deactivate the user account currently used to authenticate to the server."),
    );
    assert.equal(
      outcome(() => authorizeDeactivateUser(rw, anAdmin)),
      OUTRANKED,
    );
  });

  it("unlocking a login lockout: write, anyone holding no more than the actor, oneself included", () => {
    assert.equal(
      outcome(() => authorizeUnlockUser(rw, alice)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUnlockUser(admin, self(admin))),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUnlockUser(guest, alice)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeUnlockUser(rw, anAdmin)),
      OUTRANKED,
    );
  });

  it("email opt-in: me, for oneself only; readers learn no more than that about others", () => {
    const FOR_OTHERS = illegal("Users can not opt in on behalf of another user.");
    assert.equal(
      outcome(() => authorizeEmailOptInRequest(meOnly, "name-of-meonly")),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeEmailOptInRequest(meOnly, "alice")),
      FOR_OTHERS,
    );
    assert.equal(
      outcome(() => authorizeEmailOptInRequest(guest, "alice")),
      "ok",
      "a reader goes on to the lookup (404 for nobody)",
    );
    assert.equal(
      outcome(() => authorizeEmailOptInRequest(rw, "rw")),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeEmailOptIn(guest, { id: "guest", name: "g" })),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeEmailOptIn(guest, alice)),
      FOR_OTHERS,
    );
    assert.equal(
      outcome(() => authorizeEmailOptIn(rw, { id: "rw", name: "rw" })),
      NOT_ENOUGH,
    );
  });
});
