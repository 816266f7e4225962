// Runs every test file under test/ with node's test runner (it does not expand globs itself on
// Node 20). Arguments narrow the run: `npm test -- test/api` or a single file.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) collect(join(path, entry), out);
  } else if (path.endsWith(".test.ts")) {
    out.push(path);
  }
  return out;
}

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["test"];
const files = roots.flatMap((root) => collect(root, []));
if (files.length === 0) {
  console.error(`No test files found under ${roots.join(", ")}`);
  process.exit(1);
}
const concurrency = process.env.COHORT_TEST_CONCURRENCY ?? "2";
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, ...files], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
