/**
 * `npm run screenshots`: starts a throwaway server with sample data, opens each dashboard page in
 * Chromium and writes PNGs to docs/screenshots/ (shown in the README). Rerun after changing the
 * dashboard's look.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { loadConfig } from "../src/server/config.js";
import { startServer } from "../src/server/main.js";
import { apiClient, expectStatus, type Api } from "../test/helpers/http.js";
import { launchBrowser } from "../test/web/helpers/browser.js";
import { ensureDashboardBuilt } from "../test/web/helpers/build.js";

const OUT = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));
const ADMIN_PASSWORD = "screenshot-admin-passphrase-42";
const MEMBER_PASSWORD = "lantern-meadow-copper-1187";

/** A small team: active members with roles, someone invited, someone switched off. */
async function seed(url: string): Promise<{ invitePath: string }> {
  const anon = apiClient(url);
  const token = (
    expectStatus(await anon.request("POST", "/api/v1/login", { form: { username: "default", password: ADMIN_PASSWORD } }), 200, "login")
      .body as { access_token: string }
  ).access_token;
  const admin = apiClient(url, token);
  const post = async (path: string, body: unknown) => expectStatus(await admin.post(path, body), 200, `POST ${path}`).body;
  await expectStatus(await admin.put("/api/v1/current-user", { full_name: "Dana Admin", email: "dana@example.org" }), 200, "profile");
  const roles = (await admin.get("/api/v1/roles")).body.items as { id: string; name: string }[];
  const roleId = (name: string) => roles.find((r) => r.name === name)?.id;
  const reviewer = await post("/api/v1/roles", { name: "reviewer", permissions: ["read"] });
  const people: [string, string, string | undefined][] = [
    ["ada", "Ada Lovelace", roleId("admin")],
    ["grace", "Grace Hopper", roleId("guest")],
    ["alan", "Alan Turing", reviewer.id],
    ["katherine", "Katherine Johnson", roleId("guest")],
  ];
  for (const [name, full_name, role] of people) {
    const user = await post("/api/v1/users", { name, full_name, password: MEMBER_PASSWORD });
    if (role) await post("/api/v1/role_assignments", { user: user.id, role });
  }
  const katherine = (await admin.get("/api/v1/users/katherine")).body;
  await expectStatus(await admin.put(`/api/v1/users/${katherine.id}`, { active: false }), 200, "deactivate");
  const invited = await post("/api/v1/users", { name: "margaret" });
  await post("/api/v1/role_assignments", { user: invited.id, role: roleId("guest") });
  const research = await post("/api/v1/workspaces", { name: "research", description: "Experiments and notebooks of the research group." });
  await post("/api/v1/workspaces", { name: "production", description: "Pipelines that ship models." });
  const ada = (await admin.get("/api/v1/users/ada")).body;
  const alan = (await admin.get("/api/v1/users/alan")).body;
  const platform = await post("/api/v1/teams", { name: "ml-platform", users: [ada.id, alan.id] });
  await post("/api/v1/team_role_assignments", { team: platform.id, role: roleId("admin"), workspace: research.id });
  await post("/api/v1/teams", { name: "reviewers", users: [alan.id] });
  await seedStacks(admin, url);
  // A second session of the admin, so the sessions table has something to end.
  await anon.request("POST", "/api/v1/login", {
    form: { username: "default", password: ADMIN_PASSWORD },
    headers: { "user-agent": "cohort-cli/0.1.0 (linux)" },
  });
  const params = new URLSearchParams({ user: invited.id, username: invited.name, token: invited.activation_token });
  return { invitePath: `/signup?${params.toString()}` };
}

/** Shared infrastructure in `default`, registered by Ada, and the admin's own private experiment. */
async function seedStacks(admin: Api, url: string): Promise<void> {
  const anon = apiClient(url);
  const login = await anon.request("POST", "/api/v1/login", { form: { username: "ada", password: MEMBER_PASSWORD } });
  const ada = apiClient(url, (expectStatus(login, 200, "login ada").body as { access_token: string }).access_token);
  const ws = (await admin.get("/api/v1/workspaces/default")).body;
  const register = async (api: Api, kind: "components" | "stacks", body: Record<string, unknown>) => {
    const me = (await api.get("/api/v1/current-user")).body;
    const reply = await api.post(`/api/v1/workspaces/${ws.id}/${kind}`, { user: me.id, workspace: ws.id, ...body });
    return expectStatus(reply, 200, `register ${String(body.name)}`).body as { id: string };
  };
  const component = (api: Api, name: string, type: string, flavor: string, configuration: object, shared: boolean) =>
    register(api, "components", { name, type, flavor, configuration, is_shared: shared });
  const kubeflow = await component(ada, "kubeflow", "orchestrator", "kubeflow", { kubernetes_context: "gke-prod" }, true);
  const s3 = await component(ada, "s3-artifacts", "artifact_store", "s3", { path: "s3://cohort-artifacts" }, true);
  const ecr = await component(ada, "ecr", "container_registry", "aws", { uri: "123456789.dkr.ecr.eu-west-1.amazonaws.com" }, true);
  await register(ada, "stacks", {
    name: "production",
    description: "Kubeflow on GKE with S3 artifacts.",
    is_shared: true,
    components: { orchestrator: [kubeflow.id], artifact_store: [s3.id], container_registry: [ecr.id] },
  });
  const local = await component(admin, "scratch", "artifact_store", "local", { path: "/tmp/scratch" }, false);
  await register(admin, "stacks", {
    name: "notebook",
    is_shared: false,
    components: { orchestrator: [kubeflow.id], artifact_store: [local.id] },
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  // No hover highlight from wherever the last click left the pointer.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  await ensureDashboardBuilt();
  const dir = await mkdtemp(join(tmpdir(), "cohort_shots_"));
  const config = loadConfig(
    { COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD },
    { host: "127.0.0.1", port: 0, databaseUrl: `sqlite://${join(dir, "c.db")}`, dataDir: dir },
  );
  const server = await startServer(config);
  const browser = await launchBrowser();
  try {
    const { invitePath } = await seed(server.url);
    await mkdir(OUT, { recursive: true });
    const desktop = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await desktop.newPage();
    await page.goto("/login");
    await shoot(page, "login");
    await page.goto(invitePath);
    await page.getByLabel("Full name").fill("Margaret Hamilton");
    await page.getByLabel(/^Password/).fill("apollo guidance rope 1969");
    await shoot(page, "signup");
    await page.goto("/signup?user=00000000-0000-0000-0000-000000000000&username=x&token=nope");
    await shoot(page, "invalid-link");
    await page.goto("/login");
    await page.getByLabel("Username").fill("default");
    await page.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Members" }).waitFor();
    await shoot(page, "members");
    await page.getByRole("button", { name: "Invite member" }).click();
    await page.getByRole("dialog").getByLabel("Username").fill("hedy");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await page.getByRole("textbox", { name: "Sign-up link" }).waitFor();
    await shoot(page, "invite-link");
    await page.getByRole("button", { name: "Done" }).click();
    for (const section of ["teams", "roles", "workspaces", "personal", "audit"]) {
      await page.goto(`/settings/${section}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await shoot(page, section);
    }
    for (const section of ["stacks", "components"]) {
      await page.goto(`/${section}`);
      await page.getByRole("region", { name: /in default$/ }).waitFor();
      await shoot(page, section);
    }
    await page.goto("/stacks");
    await page.getByRole("button", { name: "Register stack" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill("staging");
    await shoot(page, "register-stack");
    await page.keyboard.press("Escape");
    const phone = await browser.newContext({ baseURL: server.url, viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    await phone.addCookies(await desktop.cookies());
    const small = await phone.newPage();
    await small.goto("/settings/members");
    await small.getByRole("heading", { name: "Members" }).waitFor();
    await shoot(small, "members-phone");
    await small.goto("/stacks");
    await small.getByRole("region", { name: /in default$/ }).waitFor();
    await shoot(small, "stacks-phone");
    await small.goto("/settings/audit");
    await small.getByRole("list", { name: "Audit events" }).waitFor();
    await shoot(small, "audit-phone");
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
