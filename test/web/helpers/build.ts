/**
 * Browser tests drive the built dashboard the server serves from dist/web. This rebuilds it when a
 * source is newer than the build (or there is none), so a test never runs yesterday's dashboard.
 * Test files run in parallel: a lock directory makes one build and the others wait for it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BUILT = join(ROOT, "dist/web/index.html");
const SOURCES = ["web", "src/core"].map((dir) => join(ROOT, dir));
const LOCK = join(ROOT, "dist/.web-build.lock");
const LOCK_STALE_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function isFresh(): boolean {
  return existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
}

function tryLock(): boolean {
  try {
    mkdirSync(join(ROOT, "dist"), { recursive: true });
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a killed run must not block every later one.
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

export async function ensureDashboardBuilt(): Promise<void> {
  while (!isFresh()) {
    if (!tryLock()) {
      await sleep(250);
      continue;
    }
    try {
      if (isFresh()) return;
      const result = spawnSync("npm", ["run", "build:web", "--silent"], { cwd: ROOT, encoding: "utf8" });
      if (result.status !== 0) throw new Error(`npm run build:web failed:\n${result.stdout}\n${result.stderr}`);
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
