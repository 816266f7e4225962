/**
 * Mutation testing of the access rules (`npm run mutate`; issue 12): Stryker changes the policy
 * module (src/server/policy/**) and the statements of the services that call it, one change at a
 * time, and a test must fail for each. Too slow for every CI run; run it before resolving an
 * access-control issue, and read reports/mutation/ (gitignored). docs/security.md records the
 * score and why each surviving mutant is harmless.
 *
 * The command runner runs scripts/mutate/run-tests.mjs, which picks the tests by the mutated file
 * and stops at the first failure. Only the statements that call the policy are mutated in the
 * services: mutation ranges computed from the source (scripts/mutate/authorization-calls.mjs).
 * An ignorer plugin could not do this: ignoring a node ignores everything under it, so the block
 * around a call could not be left alone without leaving the call alone too.
 */
import { mkdirSync, rmSync } from "node:fs";
import { mutationRanges } from "./scripts/mutate/authorization-calls.mjs";

// run-tests.mjs appends each mutant's outcome here; a run starts it afresh.
mkdirSync("reports/mutation", { recursive: true });
rmSync("reports/mutation/killed-by.tsv", { force: true });

export default {
  testRunner: "command",
  // Each mutant's outcome and the suite that killed it go to reports/ (the sandbox is two levels down).
  commandRunner: { command: "COHORT_MUTATE_LOG=../../reports/mutation/killed-by.tsv node scripts/mutate/run-tests.mjs" },
  mutate: ["src/server/policy/**/*.ts", "!src/server/policy/actor.ts", ...mutationRanges()],
  // Only what the tests need is copied to the sandbox.
  ignorePatterns: ["/web", "/docs", "/bench", "/bin", "/test/web", "/test/cli"],
  coverageAnalysis: "off",
  concurrency: 2,
  // run-tests.mjs stops a hanging suite itself (after two minutes); this is the last resort.
  timeoutFactor: 1.5,
  timeoutMS: 180_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
