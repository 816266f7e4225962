/**
 * A ZenML 0.40.3 client against Cohort, for stacks (SPEC §6 "ZenML clients"): first the curl
 * exchanges 089–106, then the exact request sequences of `zenml connect`, `stack list`,
 * `stack share default`, `stack register` and `stack share -r` from sequences.md, sent as the CLI
 * sends them: JSON bodies without a Content-Type, `True` in query strings, the list parameters on
 * every list. Every answer is compared with the recorded one: status, and the keys of every object
 * in ZenML's order; values are checked where the CLI relies on them. Where SPEC fixes a ZenML
 * defect (statistics as strings, sharing a stack of private components) the SPEC is asserted.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { WireComponent, WireStack } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import type { Api, Body, Reply } from "../helpers/http.js";
import { ADMIN_NAME, ADMIN_PASSWORD, useTestServer } from "../helpers/server.js";
import { keyShape, wireSample } from "../helpers/wire.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
/** What every list request of the CLI carries. */
const LIST = { sort_by: "created", logical_operator: "and", page: "1", size: "50" };

/** Same status and the same keys, in the same order, at every level as the recorded answer. */
function assertLikeSample(reply: Reply, sample: number): void {
  const expected = wireSample(sample).response;
  assert.equal(reply.status, expected.status, `${sample}: ${JSON.stringify(reply.body)}`);
  assert.match(reply.headers.get("content-type") ?? "", /^application\/json/);
  assert.deepEqual(keyShape(reply.body), keyShape(expected.body), `keys of ${sample}`);
}

/** The fields ZenML's models require, with the types its client parses. */
function assertBase(value: Body): void {
  assert.match(value.id, UUID);
  assert.match(value.created, TIME);
  assert.match(value.updated, TIME);
}

function assertNestedUser(user: Body, name: string): void {
  assertBase(user);
  assert.equal(user.name, name);
  assert.equal(typeof user.full_name, "string");
  assert.equal(typeof user.active, "boolean");
  assert.deepEqual([user.hub_token, user.activation_token, user.teams, user.roles, user.email], [null, null, null, null, null]);
}

function assertWorkspace(ws: Body, name: string): void {
  assertBase(ws);
  assert.deepEqual([ws.name, typeof ws.description], [name, "string"]);
}

function assertComponent(c: Body, expected: { name: string; type: string; shared: boolean; owner: string }): void {
  assertBase(c);
  assertNestedUser(c.user, expected.owner);
  assertWorkspace(c.workspace, "default");
  assert.deepEqual([c.name, c.type, c.flavor, c.is_shared], [expected.name, expected.type, "local", expected.shared]);
  assert.deepEqual([c.configuration, c.connector_resource_id, c.labels, c.connector], [{}, null, null, null]);
}

function assertStack(s: Body, expected: { name: string; shared: boolean; owner: string; components: Record<string, string> }): void {
  assertBase(s);
  assertNestedUser(s.user, expected.owner);
  assertWorkspace(s.workspace, "default");
  assert.deepEqual([s.name, s.description, s.is_shared], [expected.name, "", expected.shared]);
  assert.deepEqual(Object.keys(s.components), Object.keys(expected.components).sort());
  for (const [type, name] of Object.entries(expected.components)) {
    assert.equal(s.components[type].length, 1);
    assert.equal(s.components[type][0].name, name);
    assert.equal(s.components[type][0].type, type);
  }
}

/** Requests as the ZenML CLI makes them. */
function zenmlCli(api: Api) {
  return {
    get: (path: string, query?: Record<string, string>) => api.request("GET", `/api/v1${path}`, { query }),
    list: (path: string, filters: Record<string, string> = {}) => api.request("GET", `/api/v1${path}`, { query: { ...LIST, ...filters } }),
    /** python-requests with `data=<json string>`: no Content-Type at all. */
    post: (path: string, body: Body) => api.request("POST", `/api/v1${path}`, { raw: JSON.stringify(body) }),
    put: (path: string, body: Body) => api.request("PUT", `/api/v1${path}`, { raw: JSON.stringify(body) }),
  };
}

describeEachDialect("ZenML 0.40 CLI: stacks", (dialect) => {
  const t = useTestServer({ dialect });
  let me: Body;
  let ws: Body;
  let defaultStackId: string;
  let orch1: WireComponent;
  let art1: WireComponent;
  /** The session the CLI logged in with (`zenml connect`). */
  let cli: ReturnType<typeof zenmlCli>;

  before(async () => {
    me = (await t.admin.get("/api/v1/current-user")).body;
    ws = (await t.admin.get("/api/v1/workspaces/default")).body;
  });

  /** The body of a recorded request, with the recorded ids swapped for this server's. */
  function recordedBody(sample: number): Body {
    const body = { ...(wireSample(sample).request.body as Record<string, unknown>) };
    if ("user" in body) body.user = me.id;
    if ("workspace" in body) body.workspace = ws.id;
    return body;
  }

  it("089–095: statistics (numbers), the lazily made default stack, component types, flavors", async () => {
    const stats = await t.admin.get("/api/v1/workspaces/default/statistics");
    assertLikeSample(stats, 89);
    // ZenML sent {"stacks": "1", …}: SPEC §6 fixes that to numbers.
    assert.deepEqual(stats.body, { stacks: 1, components: 2, pipelines: 0, runs: 0 });

    const stacks = await t.admin.get("/api/v1/stacks");
    assertLikeSample(stacks, 90);
    assert.equal(stacks.body.total, 1);
    const stack = stacks.body.items[0];
    assertStack(stack, {
      name: "default",
      shared: false,
      owner: ADMIN_NAME,
      components: { artifact_store: "default", orchestrator: "default" },
    });
    defaultStackId = stack.id;

    const one = await t.admin.get(`/api/v1/stacks/${defaultStackId}`);
    assertLikeSample(one, 91);
    assert.deepEqual(one.body, stack);

    const components = await t.admin.get("/api/v1/components");
    assertLikeSample(components, 92);
    assert.deepEqual(
      components.body.items.map((c: WireComponent) => [c.name, c.type]),
      [
        ["default", "orchestrator"],
        ["default", "artifact_store"],
      ],
    );

    const types = await t.admin.get("/api/v1/component-types");
    assertLikeSample(types, 93);
    assert.deepEqual(types.body, wireSample(93).response.body);

    assertLikeSample(await t.admin.get("/api/v1/flavors", wireSample(94).request.query), 94);
    const local = await t.admin.get("/api/v1/flavors", wireSample(95).request.query);
    assertLikeSample(local, 95);
    const { id, created, updated, ...rest } = local.body.items[0];
    const { id: _id, created: _c, updated: _u, ...recorded } = wireSample(95).response.body.items[0];
    assert.deepEqual(rest, recorded);
    assertBase({ id, created, updated });
    assert.deepEqual((await t.admin.get(`/api/v1/flavors/${id}`)).body, local.body.items[0]);
  });

  it("096–106: components and a stack over curl, ZenML's conflicts and refusals", async () => {
    const orch = await t.admin.post("/api/v1/workspaces/default/components", recordedBody(96));
    assertLikeSample(orch, 96);
    orch1 = orch.body;
    assertComponent(orch1, { name: "orch-1", type: "orchestrator", shared: false, owner: ADMIN_NAME });
    const art = await t.admin.post("/api/v1/workspaces/default/components", recordedBody(97));
    assertLikeSample(art, 97);
    art1 = art.body;

    const dup = await t.admin.post("/api/v1/workspaces/default/components", recordedBody(98));
    assertLikeSample(dup, 98);
    assert.deepEqual(dup.body, wireSample(98).response.body);

    const missing = await t.admin.post("/api/v1/workspaces/default/components", wireSample(99).request.body);
    assert.equal(missing.status, 422);
    assert.match(missing.body.detail[1], /^2 validation errors: body -> user: .*; body -> workspace: /);

    const got = await t.admin.get(`/api/v1/components/${orch1.id}`);
    assertLikeSample(got, 100);
    assert.deepEqual(got.body, orch1);

    const stackBody = { ...recordedBody(101), components: { orchestrator: [orch1.id], artifact_store: [art1.id] } };
    const stack = await t.admin.post("/api/v1/workspaces/default/stacks", stackBody);
    assertLikeSample(stack, 101);
    assertStack(stack.body, {
      name: "stack-1",
      shared: false,
      owner: ADMIN_NAME,
      components: { orchestrator: "orch-1", artifact_store: "art-1" },
    });
    const dupStack = await t.admin.post("/api/v1/workspaces/default/stacks", stackBody);
    assertLikeSample(dupStack, 102);
    assert.deepEqual(dupStack.body, wireSample(102).response.body);

    // 103: ZenML shared a stack of private components; Cohort refuses (SPEC §4 rule 4).
    const share = await t.admin.put(`/api/v1/stacks/${stack.body.id}`, wireSample(103).request.body);
    assert.equal(share.status, 400);
    assert.equal(share.body.detail[0], "ValueError");
    assert.equal((await t.admin.get(`/api/v1/stacks/${stack.body.id}`)).body.is_shared, false);

    const inUse = await t.admin.delete(`/api/v1/components/${orch1.id}`);
    assertLikeSample(inUse, 104);
    assert.deepEqual(inUse.body, wireSample(104).response.body);
    const keepDefault = await t.admin.delete(`/api/v1/stacks/${defaultStackId}`);
    assertLikeSample(keepDefault, 105);
    assert.deepEqual(keepDefault.body, wireSample(105).response.body);

    const byName = await t.admin.get("/api/v1/stacks", wireSample(106).request.query);
    assertLikeSample(byName, 106);
    assert.deepEqual(
      byName.body.items.map((s: WireStack) => s.id),
      [stack.body.id],
    );
  });

  /** The five requests before every CLI command; the active stack must be readable. */
  async function prologue(): Promise<void> {
    for (const path of ["/info", "/current-user", "/workspaces/default", `/stacks/${defaultStackId}`, "/current-user"]) {
      const reply = await cli.get(path);
      assert.equal(reply.status, 200, `${path}: ${JSON.stringify(reply.body)}`);
    }
  }

  it("zenml connect: login form, then the default stack found by name, workspace and user", async () => {
    const login = await t.server.anon.request("POST", "/api/v1/login", { form: { username: ADMIN_NAME, password: ADMIN_PASSWORD } });
    assert.equal(login.status, 200);
    cli = zenmlCli(t.server.api(login.body.access_token));
    for (const path of ["/info", "/current-user", "/workspaces/default", "/current-user"]) assert.equal((await cli.get(path)).status, 200);
    const found = await cli.list("/stacks", { name: "default", workspace_id: ws.id, user_id: me.id });
    assertLikeSample(found, 108);
    assert.deepEqual(
      found.body.items.map((s: WireStack) => s.id),
      [defaultStackId],
    );
    assert.equal((await cli.get("/info")).status, 200);
  });

  it("zenml stack list", async () => {
    await prologue();
    for (const path of ["/workspaces/default", "/workspaces/default", `/stacks/${defaultStackId}`, "/current-user"]) {
      assert.equal((await cli.get(path)).status, 200);
    }
    const list = await cli.list("/stacks", { scope_workspace: ws.id });
    assertLikeSample(list, 109);
    assert.deepEqual(
      list.body.items.map((s: WireStack) => s.name),
      ["default", "stack-1"],
    );
    assert.equal((await cli.get(`/stacks/${defaultStackId}`)).status, 200);
  });

  it("zenml stack share default: the CLI sees private components and gives up before any PUT", async () => {
    await prologue();
    const byName = await cli.list("/stacks", { scope_workspace: ws.id, name: "equals:default" });
    assertLikeSample(byName, 110);
    const stack = byName.body.items[0];
    assert.equal(stack.id, defaultStackId);
    assert.ok(Object.values(stack.components).every((list) => (list as WireComponent[]).every((c) => !c.is_shared)));
    assert.equal((await cli.get("/current-user")).status, 200);
    const shared = await cli.list("/stacks", { scope_workspace: ws.id, is_shared: "True", name: "default" });
    assertLikeSample(shared, 111);
    assert.equal(shared.body.total, 0);
  });

  it("zenml stack register cli-stack -o orch-1 -a art-1", async () => {
    await prologue();
    const arts = await cli.list("/components", { scope_workspace: ws.id, scope_type: "artifact_store", name: "equals:art-1" });
    assertLikeSample(arts, 112);
    assert.deepEqual([arts.body.total, arts.body.items[0].id], [1, art1.id]);
    const orchs = await cli.list("/components", { scope_workspace: ws.id, scope_type: "orchestrator", name: "equals:orch-1" });
    assertLikeSample(orchs, 113);
    assert.deepEqual([orchs.body.total, orchs.body.items[0].id], [1, orch1.id]);
    assert.equal((await cli.get("/current-user")).status, 200);
    assert.equal((await cli.get(`/components/${art1.id}`)).status, 200);
    const artFlavor = await cli.list("/flavors", { scope_workspace: ws.id, name: "local", type: "artifact_store" });
    assertLikeSample(artFlavor, 114);
    assert.equal(artFlavor.body.total, 1);
    assert.equal((await cli.get(`/components/${orch1.id}`)).status, 200);
    const orchFlavor = await cli.list("/flavors", { scope_workspace: ws.id, name: "local", type: "orchestrator" });
    assertLikeSample(orchFlavor, 115);
    assert.equal(orchFlavor.body.total, 1);
    const body = { ...recordedBody(116), components: { artifact_store: [art1.id], orchestrator: [orch1.id] } };
    const created = await cli.post(`/workspaces/${ws.id}/stacks`, body);
    assertLikeSample(created, 116);
    assertStack(created.body, {
      name: "cli-stack",
      shared: false,
      owner: ADMIN_NAME,
      components: { artifact_store: "art-1", orchestrator: "orch-1" },
    });
  });

  it("zenml stack share cli-stack -r: each component shared, then the stack", async () => {
    await prologue();
    const found = await cli.list("/stacks", { scope_workspace: ws.id, name: "equals:cli-stack" });
    assertLikeSample(found, 117);
    const stack = found.body.items[0] as WireStack;
    for (const [component, sample] of [
      [art1, 118],
      [orch1, 120],
    ] as const) {
      assert.equal((await cli.get(`/components/${component.id}`)).status, 200);
      if (sample === 118) assert.equal((await cli.get("/current-user")).status, 200);
      const clash = await cli.list("/components", {
        scope_workspace: ws.id,
        is_shared: "True",
        name: component.name,
        type: component.type,
        workspace_id: ws.id,
      });
      assertLikeSample(clash, sample);
      assert.equal(clash.body.total, 0);
      const shared = await cli.put(`/components/${component.id}`, recordedBody(sample + 1));
      assertLikeSample(shared, sample + 1);
      assertComponent(shared.body, { name: component.name, type: component.type, shared: true, owner: ADMIN_NAME });
    }
    assertLikeSample(await cli.list("/stacks", { scope_workspace: ws.id, name: "equals:cli-stack" }), 117);
    const clash = await cli.list("/stacks", { scope_workspace: ws.id, is_shared: "True", name: "cli-stack" });
    assertLikeSample(clash, 122);
    assert.equal(clash.body.total, 0);
    const shared = await cli.put(`/stacks/${stack.id}`, recordedBody(123));
    assertLikeSample(shared, 123);
    assertStack(shared.body, {
      name: "cli-stack",
      shared: true,
      owner: ADMIN_NAME,
      components: { artifact_store: "art-1", orchestrator: "orch-1" },
    });
    assert.ok(Object.values(shared.body.components).every((list) => (list as WireComponent[])[0]?.is_shared === true));
  });
});
