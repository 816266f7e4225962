/**
 * The mutation no Stryker mutator makes: deleting a check. Each call to a check (`authorize*`,
 * `require*`, `forbid*`, `hideUnless`, `recordDenial`: authorization-calls.mjs) is replaced by
 * `undefined`, and each `keepingAnAdmin(q, change, …)` by `(change)()`, one at a time, in a copy
 * of the project: the services' calls to the policy (and the error handler's denial log), and the
 * checks each policy rule is made of. An API suite must then fail (run-tests.mjs, SQLite): every
 * rule is proven by a test over HTTP that fails without it. The second half of `npm run mutate`.
 *
 * Prints one line per deletion and writes reports/mutation/deletions.json; exits 1 if any
 * deletion survived. COHORT_MUTATE_ONLY=<part of a file name> narrows the run.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { authorizationCalls, filesInScope, policyFiles, ROOT } from "./authorization-calls.mjs";

/** What the tests need; node_modules is found from the sandbox's parent directories. */
const COPIED = ["src", "test", "scripts", "dist", "package.json", "tsconfig.json"];
const WORKERS = Number(process.env.COHORT_MUTATE_WORKERS ?? 2);
/** A deletion whose tests run longer than this hung something: counted as caught (as Stryker counts a timeout). */
const TIMEOUT_MS = 10 * 60_000;

function sandbox(n) {
  const dir = join(ROOT, ".stryker-tmp", `deletions-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  return dir;
}

/** The deletions of one file: the file's text with one check removed, for each check. */
function deletions(file) {
  const { text, calls } = authorizationCalls(file);
  return calls
    .filter((c) => c.check || c.change)
    .map((c) => {
      const replacement = c.change ? `(${text.slice(c.change.start, c.change.end)})()` : "undefined";
      return { file, line: c.line, name: c.name, text: text.slice(0, c.call.start) + replacement + text.slice(c.call.end), original: text };
    });
}

function runTests(dir, file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, "scripts/mutate/run-tests.mjs")], {
      cwd: dir,
      env: { ...process.env, COHORT_MUTATED_FILE: file, COHORT_MUTATE_SUITES: "api", COHORT_MUTATE_VERBOSE: "" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const by = /killed by (.+)\s*$/.exec(output)?.[1];
      resolve(code === 0 ? "SURVIVED" : (by ?? "timeout"));
    });
  });
}

const only = process.env.COHORT_MUTATE_ONLY;
const queue = [...policyFiles(), ...filesInScope()].filter((f) => !only || f.includes(only)).flatMap(deletions);
const results = [];
const started = Date.now();
await Promise.all(
  Array.from({ length: Math.min(WORKERS, queue.length) }, async (_, n) => {
    const dir = sandbox(n);
    for (let d = queue.shift(); d; d = queue.shift()) {
      writeFileSync(join(dir, d.file), d.text);
      const outcome = await runTests(dir, d.file);
      writeFileSync(join(dir, d.file), d.original);
      results.push({ file: d.file, line: d.line, call: d.name, outcome });
      console.log(
        `${outcome === "SURVIVED" ? "SURVIVED" : "caught  "} ${d.file}:${d.line} ${d.name}${outcome === "SURVIVED" ? "" : ` (by ${outcome})`}`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }),
);
results.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
const survived = results.filter((r) => r.outcome === "SURVIVED");
mkdirSync(join(ROOT, "reports/mutation"), { recursive: true });
writeFileSync(join(ROOT, "reports/mutation/deletions.json"), JSON.stringify({ results }, null, 2));
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `${results.length} checks deleted one at a time, ${results.length - survived.length} caught, ${survived.length} survived (${minutes} min)`,
);
process.exit(survived.length > 0 ? 1 : 0);
