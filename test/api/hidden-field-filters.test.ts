/**
 * Filters and sorts see what you see (SPEC §4 rule 10): a field a caller reads as null in a row
 * they can see (another user's `email`, the `stack` of a run on someone else's private stack)
 * matches no filter and orders no rows for them, with `and` or `or`, totals included; those who
 * read the value still find and sort by it. Each leak the issue names, probed as an attacker would:
 * a character at a time, by a whole guess, by the order of a sort.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { before, describe, it } from "node:test";
import type { WireRun, WireStack, WireUser } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { assignRole, createActiveUser, createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { expectStatus, type Api } from "../helpers/http.js";
import { createRun } from "../helpers/pipelines.js";
import { useTestServer } from "../helpers/server.js";
import { API, callerOf, createWorkspace, registerStack, type Caller } from "../helpers/stacks.js";

/** The ids and total a list answers. */
async function found(api: Api, path: string, query: Record<string, string>): Promise<{ ids: string[]; total: number }> {
  const reply = expectStatus(await api.get(path, { size: "10000", ...query }), 200, `${path} ${JSON.stringify(query)}`);
  return { ids: (reply.body.items as { id: string }[]).map((i) => i.id), total: reply.body.total as number };
}

async function ids(api: Api, path: string, query: Record<string, string>): Promise<string[]> {
  const { ids: listed, total } = await found(api, path, query);
  assert.equal(total, listed.length, `total of ${path} ${JSON.stringify(query)}`);
  return listed;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A run id that sorts where the test wants it: `lead` is one hex digit. */
const runId = (lead: string) => `${lead.repeat(8)}-0000-4000-8000-${randomBytes(6).toString("hex")}`;

describeEachDialect("filters and sorts see what you see", (dialect) => {
  const t = useTestServer({ dialect });

  describe("users' email", () => {
    // Every user of this suite has a name and an email starting with `tag`, so filters and sorts
    // can be confined to them with `name=startswith:<tag>`.
    const tag = uniqueName("hide");
    let others: WireUser[];
    let guest: { api: Api; user: WireUser };
    let writer: Api;
    const users = "/api/v1/users";

    before(async () => {
      const made = [];
      for (let i = 0; i < 4; i++) made.push(await createUser(t.admin, { name: `${tag}-other-${i}` }));
      // Emails in the reverse order of the ids: sorting by the real emails reverses the id order,
      // so a sort that still reads them cannot pass for the id order hidden values fall back to.
      made.sort((a, b) => byId(a.id, b.id));
      others = [];
      for (const [i, user] of made.entries()) {
        const email = `${tag}-${String.fromCharCode(122 - i)}@example.com`;
        others.push(expectStatus(await t.admin.put(`${users}/${user.id}`, { email }), 200, "set email").body as WireUser);
      }
      const guestUser = await createUser(t.admin, { name: `${tag}-guest`, email: `${tag}-guest@example.com`, password: USER_PASSWORD });
      await assignRole(t.admin, guestUser.id, "guest");
      guest = { api: t.server.api(await t.server.login(guestUser.name, USER_PASSWORD)), user: guestUser };
      writer = (await createActiveUser(t.server, t.admin, ["read", "write"])).api;
    });

    it("a guest finds no other user by any part of their email, only themselves", async () => {
      const other = others[0]!;
      const email = other.email!;
      for (const filter of [
        `startswith:${tag}`,
        `contains:${tag.slice(2)}`,
        `startswith:${email.slice(0, tag.length + 2)}`,
        `contains:${email.slice(tag.length, tag.length + 3)}`,
        `endswith:${email.slice(tag.length)}`,
        `equals:${email}`,
        email.toUpperCase(),
      ]) {
        const listed = await ids(guest.api, users, { email: filter });
        assert.deepEqual(
          listed.filter((id) => id !== guest.user.id),
          [],
          `email=${filter} as a guest`,
        );
      }
      assert.deepEqual(
        await ids(guest.api, users, { email: `startswith:${tag}` }),
        [guest.user.id],
        "the guest's own email is theirs to find",
      );
      assert.deepEqual(await ids(guest.api, users, { email: `equals:${guest.user.email}` }), [guest.user.id]);
    });

    it("a page past the end counts only the emails the guest reads", async () => {
      const reply = await guest.api.get(users, { email: `contains:${tag}`, size: "1", page: "2" });
      assert.equal(reply.status, 400);
      assert.match(reply.body.detail[1], /there are a total of 1 items for this query/);
    });

    it("a holder of write, and the user themself, still find a user by email", async () => {
      const all = [...others.map((u) => u.id), guest.user.id].sort(byId);
      assert.deepEqual((await ids(writer, users, { email: `startswith:${tag}` })).sort(byId), all);
      assert.deepEqual((await ids(t.admin, users, { email: `contains:${tag.slice(2)}` })).sort(byId), all);
      assert.deepEqual(await ids(writer, users, { email: `equals:${others[1]!.email}` }), [others[1]!.id]);
    });

    it("or-ing a hidden email with a visible field finds only what the visible field finds", async () => {
      const other = others[2]!;
      const query = { logical_operator: "or", email: `equals:${other.email}`, name: `equals:${others[3]!.name}` };
      assert.deepEqual(await ids(guest.api, users, query), [others[3]!.id]);
      assert.deepEqual(await ids(guest.api, users, { ...query, name: "equals:nobody-at-all" }), []);
      assert.deepEqual((await ids(writer, users, query)).sort(byId), [other.id, others[3]!.id].sort(byId));
    });

    it("a guest's sort by email orders others' rows as if their emails were null", async () => {
      const hidden = others.map((u) => u.id).sort(byId);
      const scope = { name: `startswith:${tag}` };
      // Null first going up, last going down, ties by id: the guest's own email is the one value read.
      assert.deepEqual(await ids(guest.api, users, { ...scope, sort_by: "asc:email" }), [...hidden, guest.user.id]);
      assert.deepEqual(await ids(guest.api, users, { ...scope, sort_by: "desc:email" }), [guest.user.id, ...hidden.reverse()]);
    });

    it("a holder of write sorts by the emails themselves", async () => {
      const byEmail = [...others, guest.user].sort((a, b) => byId(a.email!, b.email!)).map((u) => u.id);
      const scope = { name: `startswith:${tag}` };
      assert.deepEqual(await ids(writer, users, { ...scope, sort_by: "asc:email" }), byEmail);
      assert.deepEqual(await ids(writer, users, { ...scope, sort_by: "desc:email" }), [...byEmail].reverse());
    });
  });

  describe("runs' stack", () => {
    let owner: Caller;
    let reader: Api;
    let privateStack: WireStack;
    let sharedStack: WireStack;
    /** On the private stack, on no stack, on the shared stack: ids in that order. */
    let onPrivate: WireRun;
    let onNone: WireRun;
    let onShared: WireRun;
    let runs: string;

    before(async () => {
      const ws = await createWorkspace(t.admin);
      owner = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write", "me"])).api);
      reader = (await createActiveUser(t.server, t.admin, ["read"])).api;
      privateStack = await registerStack(owner, ws, { shared: false });
      sharedStack = await registerStack(owner, ws, { shared: true });
      onPrivate = await createRun(owner, ws, { id: runId("1"), stack: privateStack.id });
      onNone = await createRun(owner, ws, { id: runId("2") });
      onShared = await createRun(owner, ws, { id: runId("3"), stack: sharedStack.id });
      runs = `${API}/workspaces/${ws.id}/runs`;
    });

    it("a reader cannot rebuild the id of a private stack from the runs on it", async () => {
      const id = privateStack.id;
      for (const filter of [
        `startswith:${id.slice(0, 1)}`,
        `startswith:${id.slice(0, 8)}`,
        `contains:${id.slice(9, 13)}`,
        `endswith:${id.slice(-4)}`,
        id,
      ]) {
        // The shared stack's id may share a short part with the private one's: its run may be found.
        const notShared = (listed: string[]) => listed.filter((run) => run !== onShared.id);
        assert.deepEqual(notShared(await ids(reader, runs, { stack_id: filter })), [], `stack_id=${filter} as a reader`);
        assert.deepEqual(notShared(await ids(reader, `${API}/runs`, { stack_id: filter })), [], `stack_id=${filter}, every workspace`);
        assert.ok((await ids(owner.api, runs, { stack_id: filter })).includes(onPrivate.id), `stack_id=${filter} as the owner`);
      }
      const run = expectStatus(await reader.get(`${API}/runs/${onPrivate.id}`), 200, "the run itself").body as WireRun;
      assert.equal(run.stack, null, "the single get hides the stack too");
    });

    it("a reader finds runs on a shared stack, and or-ing in a hidden stack adds nothing", async () => {
      assert.deepEqual(await ids(reader, runs, { stack_id: sharedStack.id }), [onShared.id]);
      const query = { logical_operator: "or", stack_id: `equals:${privateStack.id}`, name: `equals:${onNone.name}` };
      assert.deepEqual(await ids(reader, runs, query), [onNone.id]);
      assert.deepEqual((await ids(owner.api, runs, query)).sort(byId), [onPrivate.id, onNone.id]);
    });

    it("a reader's sort by stack orders runs on a hidden stack as runs on none", async () => {
      assert.deepEqual(await ids(reader, runs, { sort_by: "asc:stack_id" }), [onPrivate.id, onNone.id, onShared.id]);
      assert.deepEqual(await ids(reader, runs, { sort_by: "desc:stack_id" }), [onShared.id, onNone.id, onPrivate.id]);
      const seen = [onPrivate, onShared].sort((a, b) => byId(a.stack!.id, b.stack!.id)).map((r) => r.id);
      assert.deepEqual(await ids(owner.api, runs, { sort_by: "asc:stack_id" }), [onNone.id, ...seen]);
      assert.deepEqual(await ids(owner.api, runs, { sort_by: "desc:stack_id" }), [...seen.reverse(), onNone.id]);
    });
  });
});
