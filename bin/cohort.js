#!/usr/bin/env node
// The `cohort` command: the compiled CLI (npm install builds it).
import("../dist/cli/main.js").catch((err) => {
  console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
