/**
 * Runs the real `cohort` CLI as a child process (the TypeScript entry point through tsx), with a
 * config and data directory of its own, and optionally a real server for it to connect to.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig } from "../../src/server/config.js";
import { startServer, type RunningServer } from "../../src/server/main.js";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = join(ROOT, "src/cli/main.ts");

export const ADMIN_PASSWORD = "cli-test-admin-passphrase-42";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dir: string;
  /** The CLI's environment: only PATH and HOME of ours, never the developer's COHORT_* settings. */
  env: Record<string, string>;
  run(args: readonly string[], options?: { input?: string; env?: Record<string, string> }): Promise<CliResult>;
  remove(): Promise<void>;
}

export async function cliSandbox(env: Record<string, string> = {}): Promise<CliSandbox> {
  const dir = await mkdtemp(join(tmpdir(), "cohort_cli_"));
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    COHORT_CONFIG_DIR: join(dir, "config"),
    COHORT_DATA_DIR: join(dir, "data"),
    COHORT_LOG_LEVEL: "warn",
    ...env,
  };
  return {
    dir,
    env: baseEnv,
    run: (args, options = {}) =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
          cwd: ROOT,
          env: { ...baseEnv, ...options.env },
          stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", fail);
        child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
        child.stdin.end(options.input ?? "");
      }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A real server on an ephemeral port with its own SQLite store and a known `default` password. */
export async function cliTestServer(env: Record<string, string> = {}): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), "cohort_cli_server_"));
  const config = loadConfig(
    { COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD, COHORT_DATA_DIR: dataDir, ...env },
    { host: "127.0.0.1", port: 0 },
  );
  const server = await startServer(config);
  return {
    server,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What every failure must look like: one `Error: …` line and no stack trace. */
export function oneErrorLine(result: CliResult): string {
  const lines = result.stderr.split("\n").filter((l) => l.trim());
  if (lines.length !== 1 || !lines[0]?.startsWith("Error: ") || /\n\s+at /.test(result.stderr)) {
    throw new Error(`expected one 'Error: …' line on stderr, got:\n${result.stderr}`);
  }
  return lines[0];
}

export const SIGNUP_LINK = /^(\S+)\/signup\?user=([0-9a-f-]{36})&username=([^&\s]+)&token=([0-9a-f]{64})$/m;
