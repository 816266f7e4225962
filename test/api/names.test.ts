/**
 * Safe names (SPEC §5.4). Names were accepted as sent: `dеfault` (Cyrillic е) sat beside
 * `default`, `default\u200b` was a second `default` to the eye, a workspace name could reverse the
 * text around it with U+202E, and a name sent decomposed (e + U+0301) was a different name from
 * its composed twin. Now names are stored NFC-normalised; control, invisible and bidirectional
 * control characters are refused (422, naming the field); and a user or team name whose
 * confusable skeleton (UTS #39) is an existing one's is refused (409, naming it), also when two
 * such requests race.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { activateUser, createActiveUser, createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import type { Reply } from "../helpers/http.js";
import { describeReplies, race, statusCounts } from "../helpers/race.js";
import { ADMIN_NAME, useTestServer } from "../helpers/server.js";
import { API, callerOf, componentBody, createWorkspace, registerComponent, registerStack } from "../helpers/stacks.js";

/** Each hides in a name without showing: `[label, character]`. */
const HIDDEN: [string, string][] = [
  ["zero-width space", "\u200b"],
  ["zero-width joiner", "\u200d"],
  ["soft hyphen", "\u00ad"],
  ["word joiner", "\u2060"],
  ["byte order mark", "\ufeff"],
  ["variation selector", "\ufe0f"],
  ["combining grapheme joiner", "\u034f"],
  ["Hangul filler", "\u3164"],
  ["tag letter", "\u{e0061}"],
  ["right-to-left override", "\u202e"],
  ["right-to-left isolate", "\u2067"],
  ["left-to-right mark", "\u200e"],
  ["Arabic letter mark", "\u061c"],
  ["escape (a control)", "\u001b"],
  ["delete (a control)", "\u007f"],
  ["line separator", "\u2028"],
];

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

function assertRefusedName(reply: Reply, field: string, hidden: string, what: string): void {
  assert.equal(reply.status, 422, `${what}: ${JSON.stringify(reply.body)}`);
  assert.equal(reply.body.detail[0], "ValidationError");
  assert.ok(reply.body.detail[1].includes(`body -> ${field}: `), `${what} names the field: ${reply.body.detail[1]}`);
  assert.ok(reply.body.detail[1].includes(codePoint(hidden)), `${what} names the character: ${reply.body.detail[1]}`);
}

function assertLookAlike(reply: Reply, message: string): void {
  assert.equal(reply.status, 409, JSON.stringify(reply.body));
  assert.deepEqual(reply.body, { detail: ["EntityExistsError", message] });
}

/** `name` with its Latin vowels swapped for the Cyrillic letters that look the same. */
const cyrillic = (name: string) => name.replace(/[aeo]/g, (c) => ({ a: "\u0430", e: "\u0435", o: "\u043e" })[c]!);

describeEachDialect("names", (dialect) => {
  const t = useTestServer({ dialect });

  it("a hidden character in a user, team, role or workspace name is refused with 422 naming the field and the character", async () => {
    for (const [label, hidden] of HIDDEN) {
      const name = `default${hidden}x`;
      assertRefusedName(await t.admin.post(`${API}/users`, { name, password: USER_PASSWORD }), "name", hidden, `user, ${label}`);
      assertRefusedName(await t.admin.post(`${API}/teams`, { name }), "name", hidden, `team, ${label}`);
      assertRefusedName(await t.admin.post(`${API}/roles`, { name, permissions: ["read"] }), "name", hidden, `role, ${label}`);
      assertRefusedName(await t.admin.post(`${API}/workspaces`, { name }), "name", hidden, `workspace, ${label}`);
    }
    // The issue's own examples.
    assertRefusedName(await t.admin.post(`${API}/users`, { name: "default\u200b" }), "name", "\u200b", "default + ZWSP");
    assertRefusedName(await t.admin.post(`${API}/workspaces`, { name: "invoice-\u202egpj.exe" }), "name", "\u202e", "RLO workspace");
    const users = (await t.admin.get(`${API}/users`, { size: "10000" })).body.items as { name: string }[];
    assert.deepEqual(
      users.filter((u) => u.name.startsWith("default")).map((u) => u.name),
      [ADMIN_NAME],
    );
  });

  it("renames and activation are held to the same rule", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["me"]);
    const hidden = "\u200b";
    const name = `${alice.user.name}${hidden}`;
    assertRefusedName(await alice.api.put(`${API}/current-user`, { name }), "name", hidden, "current-user rename");
    assertRefusedName(await t.admin.put(`${API}/users/${alice.user.id}`, { name }), "name", hidden, "user rename");
    const invited = await createUser(t.admin);
    const activation = { activation_token: invited.activation_token, password: USER_PASSWORD, name: `${invited.name}\u2066` };
    assertRefusedName(await activateUser(t.server.anon, invited.id, activation), "name", "\u2066", "activation");
    const team = (await t.admin.post(`${API}/teams`, { name: uniqueName("team") })).body;
    assertRefusedName(await t.admin.put(`${API}/teams/${team.id}`, { name: `${team.name}\u00ad` }), "name", "\u00ad", "team rename");
    const ws = await createWorkspace(t.admin);
    assertRefusedName(await t.admin.put(`${API}/workspaces/${ws.id}`, { name: `${ws.name}\u202e` }), "name", "\u202e", "workspace rename");
  });

  it("a hidden character in a stack or component name is refused too", async () => {
    const ws = await createWorkspace(t.admin);
    const caller = await callerOf(t.admin);
    const hidden = "\u200b";
    const component = componentBody(caller, ws, { name: `local${hidden}` });
    assertRefusedName(await t.admin.post(`${API}/workspaces/${ws.id}/components`, component), "name", hidden, "component");
    const orchestrator = await registerComponent(caller, ws, { type: "orchestrator" });
    assertRefusedName(
      await t.admin.put(`${API}/components/${orchestrator.id}`, { name: `o${hidden}` }),
      "name",
      hidden,
      "component rename",
    );
    const stack = await registerStack(caller, ws);
    assertRefusedName(await t.admin.put(`${API}/stacks/${stack.id}`, { name: `s\u202e` }), "name", "\u202e", "stack rename");
  });

  it("a user name that looks like an existing one is refused with 409 naming it: create, rename, activation", async () => {
    const lookalike = "d\u0435fault"; // Cyrillic е
    assertLookAlike(
      await t.admin.post(`${API}/users`, { name: lookalike, password: USER_PASSWORD }),
      `Unable to create user with name '${lookalike}': it looks like the existing user 'default'.`,
    );
    // Case does not help: a capital Cyrillic Е, or a capital I for an l.
    for (const name of ["D\u0415FAULT", "DEFAULT"]) assert.equal((await t.admin.post(`${API}/users`, { name })).status, 409, name);
    const alice = await createUser(t.admin, { name: uniqueName("alice") });
    const capitalI = alice.name.replace("l", "I");
    assertLookAlike(
      await t.admin.post(`${API}/users`, { name: capitalI }),
      `Unable to create user with name '${capitalI}': it looks like the existing user '${alice.name}'.`,
    );

    const bob = await createActiveUser(t.server, t.admin, ["me"]);
    assertLookAlike(
      await bob.api.put(`${API}/current-user`, { name: cyrillic(alice.name) }),
      `Unable to update user with name '${cyrillic(alice.name)}': it looks like the existing user '${alice.name}'.`,
    );
    assert.equal((await t.admin.put(`${API}/users/${bob.user.id}`, { name: lookalike })).status, 409);
    // One's own name may change into a look-alike of itself.
    const own = bob.user.name.replace("u", "\u057d"); // Armenian ս
    assert.equal((await bob.api.put(`${API}/current-user`, { name: own })).status, 200);

    const invited = await createUser(t.admin);
    const activation = { activation_token: invited.activation_token, password: USER_PASSWORD, name: lookalike };
    assertLookAlike(
      await activateUser(t.server.anon, invited.id, activation),
      `Unable to activate user with name '${lookalike}': it looks like the existing user 'default'.`,
    );
    assert.equal((await activateUser(t.server.anon, invited.id, { ...activation, name: uniqueName() })).status, 200, "nothing was spent");
  });

  it("a team name that looks like an existing one is refused with 409 naming it: create and rename", async () => {
    const ops = (await t.admin.post(`${API}/teams`, { name: uniqueName("ops") })).body;
    assertLookAlike(
      await t.admin.post(`${API}/teams`, { name: cyrillic(ops.name) }),
      `Unable to create team with name '${cyrillic(ops.name)}': it looks like the existing team '${ops.name}'.`,
    );
    const zero = ops.name.replace("o", "0");
    assert.equal((await t.admin.post(`${API}/teams`, { name: zero })).status, 409, zero);
    const other = (await t.admin.post(`${API}/teams`, { name: uniqueName("other") })).body;
    assertLookAlike(
      await t.admin.put(`${API}/teams/${other.id}`, { name: cyrillic(ops.name) }),
      `Unable to update team with name '${cyrillic(ops.name)}': it looks like the existing team '${ops.name}'.`,
    );
    // Users and teams are apart: a team may look like a user.
    assert.equal((await t.admin.post(`${API}/teams`, { name: "d\u0435fault" })).status, 200);
  });

  it("names are stored NFC-normalised: a decomposed name comes back composed and collides with its composed twin", async () => {
    const suffix = uniqueName("");
    const decomposed = `cafe\u0301${suffix}`;
    const composed = `caf\u00e9${suffix}`;
    const user = await createUser(t.admin, { name: decomposed });
    assert.equal(user.name, composed);
    assert.equal((await t.admin.get(`${API}/users/${encodeURIComponent(composed)}`)).body.id, user.id);
    assert.deepEqual((await t.admin.post(`${API}/users`, { name: composed })).body, {
      detail: ["EntityExistsError", `Unable to create user with name '${composed}': Found existing user with this name.`],
    });
    for (const path of ["teams", "workspaces"]) {
      const made = await t.admin.post(`${API}/${path}`, { name: decomposed });
      assert.equal(made.body.name, composed, path);
      assert.equal((await t.admin.post(`${API}/${path}`, { name: composed })).status, 409, path);
    }
    const role = await t.admin.post(`${API}/roles`, { name: decomposed, permissions: ["read"] });
    assert.equal(role.body.name, composed);
    const ws = await createWorkspace(t.admin);
    const component = await registerComponent(await callerOf(t.admin), ws, { name: decomposed });
    assert.equal(component.name, composed);
  });

  it("two look-alike names created at once: exactly one wins, the other gets 409", async () => {
    for (let round = 0; round < 5; round++) {
      const name = uniqueName("racer");
      const users = await race([
        () => t.admin.post(`${API}/users`, { name }),
        () => t.admin.post(`${API}/users`, { name: cyrillic(name) }),
      ]);
      assert.deepEqual(statusCounts(users), { 200: 1, 409: 1 }, describeReplies(users));
      assert.match(users.find((r) => r.status === 409)!.body.detail[1], /it looks like the existing user/);
      const teams = await race([
        () => t.admin.post(`${API}/teams`, { name }),
        () => t.admin.post(`${API}/teams`, { name: cyrillic(name) }),
      ]);
      assert.deepEqual(statusCounts(teams), { 200: 1, 409: 1 }, describeReplies(teams));
    }
  });
});
