/**
 * The tests one mutant runs, for Stryker's command runner (stryker.config.mjs) and the call
 * deletions (delete-calls.mjs). A mutant of the policy module runs the policy's unit tests, in one
 * process (a few seconds): the rules are pure, and each gets direct tests (STYLE §2.11). A mutant
 * of a service's call to the policy runs the API suites that exercise authorization, on SQLite,
 * one file at a time, those covering the mutated file first. Either stops at the first failure:
 * one failing test kills the mutant, and the rest would only take time.
 *
 * Without a mutant (Stryker's first run, which times the tests) it runs everything. Exit 0: every
 * test passed (the mutant survived); 1: a test failed (killed), and the last line names the
 * suite. With COHORT_MUTATE_VERBOSE=1 the tests' own output is shown too.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");

/** The policy's unit tests: the pure ones first (about a second), then those against a SQLite store. */
const UNIT = readdirSync(join(ROOT, "test/policy"))
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => `test/policy/${f}`);
const usesStore = (f) => readFileSync(join(ROOT, f), "utf8").includes("describeEachDialect(");

/**
 * The API suites that exercise authorization, in the order they run when none covers the mutated
 * file, and the source files (by name) each covers.
 */
const SUITES = [
  ["test/api/no-escalation.test.ts", ["teams", "roles", "assignments", "role-assignments", "principals", "users"]],
  ["test/api/last-admin.test.ts", ["last-admin", "users", "activation", "teams", "roles", "role-assignments"]],
  ["test/api/users.test.ts", ["users", "activation", "email-opt-in"]],
  ["test/api/audit.test.ts", ["audit", "error-handler"]],
  ["test/access/matrix.test.ts", []],
  ["test/api/stacks-access.test.ts", ["stacks", "components", "sharing", "workspace-resources", "stack-scope"]],
  ["test/api/stacks-rules.test.ts", ["stacks", "components", "sharing"]],
  ["test/api/pipelines.test.ts", ["pipelines", "runs", "workspace-resources"]],
  ["test/api/workspaces.test.ts", ["workspaces"]],
  ["test/api/abilities.test.ts", ["abilities"]],
  ["test/api/sessions.test.ts", ["sessions", "current-user", "session-cache"]],
  ["test/api/activation.test.ts", ["activation"]],
  [
    "test/api/regressions/cohort-write-takes-over-admin.test.ts",
    ["users", "activation", "teams", "roles", "assignments", "role-assignments", "principals", "held-principals"],
  ],
  ["test/api/hidden-denials.test.ts", ["error-handler", "audit", "can"]],
  ["test/api/hidden-field-filters.test.ts", ["users", "runs"]],
  ["test/api/update-bodies.test.ts", ["stacks", "components", "pipelines", "runs", "sharing", "workspace-resources"]],
  ["test/api/login-unlock.test.ts", ["user-unlock", "users"]],
  ["test/api/scoped-writers.test.ts", ["assignments", "role-assignments", "roles", "sharing", "stacks", "components", "pipelines", "runs"]],
];

const MATRIX = "test/access/matrix.test.ts";

/** A suite running this long hangs (a mutant that never answers): the mutant counts as killed. */
const SUITE_TIMEOUT_MS = 120_000;

const verbose = process.env.COHORT_MUTATE_VERBOSE === "1";
const env = { ...process.env, COHORT_TEST_DIALECTS: "sqlite" };

/** The source file holding Stryker's active mutant (its id appears in the instrumented code), or the one named. */
function mutatedFile() {
  if (process.env.COHORT_MUTATED_FILE) return process.env.COHORT_MUTATED_FILE;
  const id = process.env.__STRYKER_ACTIVE_MUTANT__;
  if (!id) return undefined;
  const marker = `stryMutAct_9fa48("${id}")`;
  for (const dir of ["src/server/policy", "src/server/services", "src/server/http"]) {
    for (const f of readdirSync(join(ROOT, dir))) {
      if (f.endsWith(".ts") && readFileSync(join(ROOT, dir, f), "utf8").includes(marker)) return `${dir}/${f}`;
    }
  }
  return undefined;
}

const file = mutatedFile();

/** Ends the run: 0 when every test passed, else 1 with the killing step named on the last line. */
function finish(killer) {
  if (killer) console.log(`killed by ${killer}`);
  const log = process.env.COHORT_MUTATE_LOG;
  if (log) appendFileSync(log, `${process.env.__STRYKER_ACTIVE_MUTANT__ ?? "-"}\t${file ?? "-"}\t${killer ?? "survived"}\n`);
  process.exit(killer ? 1 : 0);
}

function passes(args) {
  const result = spawnSync(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env,
    stdio: verbose ? "inherit" : "ignore",
    timeout: SUITE_TIMEOUT_MS,
    killSignal: "SIGKILL",
  });
  return result.status === 0;
}

// The call deletions (COHORT_MUTATE_SUITES=api) prove each policy rule over HTTP too.
const unitOnly = file?.startsWith("src/server/policy/") && process.env.COHORT_MUTATE_SUITES !== "api";
const importAll = "for (const f of process.argv.slice(1)) await import(new URL(f, `file://${process.cwd()}/`).href);";
if (file === undefined || unitOnly) {
  for (const group of [UNIT.filter((f) => !usesStore(f)), UNIT.filter(usesStore)]) {
    if (!passes(["--input-type=module", "-e", importAll, ...group]))
      finish(`the policy unit tests (${group.map((f) => basename(f)).join(", ")})`);
  }
}
if (!unitOnly) {
  const name = basename(file ?? "", ".ts");
  const covering = SUITES.filter(([, covers]) => covers.includes(name));
  // A call deletion must be caught by a suite about its file or by the access matrix: a rule only
  // some unrelated suite happens to notice is not proven.
  const rest = process.env.COHORT_MUTATE_SUITES === "api" ? SUITES.filter(([suite]) => suite === MATRIX) : SUITES;
  const ordered = [...covering, ...rest.filter((suite) => !covering.includes(suite))];
  for (const [suite] of ordered) if (!passes(["--test", suite])) finish(suite);
}
finish(undefined);
