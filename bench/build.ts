/**
 * The server under test runs as plain JavaScript, as `npm start` runs it, not under the tsx
 * loader: tsx keeps a loader thread that adds about 30 MB of resident memory, which would distort
 * the memory figures. Each source file is transpiled on its own (as tsx does, so no type check
 * stands in the way of a work-in-progress tree) into a temporary directory laid out like the
 * repository, with links to node_modules, data/ and package.json so relative paths still resolve.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const REPO = fileURLToPath(new URL("..", import.meta.url));

/** What the servers and the CLI need, relative to the repository: Cohort's sources and the bench's child entries. */
const SOURCES = [
  "src/server",
  "src/core",
  "src/cli",
  "bench/cohort-server.ts",
  "bench/baseline-server.ts",
  "bench/fastify-server.ts",
  "bench/baseline-body.ts",
];
const LINKED = ["node_modules", "data", "package.json", "dist"];

function collect(path: string, out: string[]): string[] {
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) collect(join(path, entry), out);
  else if (path.endsWith(".ts") && !path.endsWith(".d.ts") && !path.endsWith(".test.ts")) out.push(path);
  return out;
}

export interface Build {
  /** Absolute path of a built file, given its source path relative to the repository. */
  file(source: string): string;
  remove(): void;
}

export function buildServer(): Build {
  const root = mkdtempSync(join(tmpdir(), "cohort-bench-"));
  const files = SOURCES.flatMap((s) => collect(join(REPO, s), []));
  for (const file of files) {
    const out = join(root, relative(REPO, file)).replace(/\.ts$/, ".js");
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  for (const name of LINKED) symlinkSync(join(REPO, name), join(root, name));
  return {
    file: (source) => join(root, source.replace(/\.ts$/, ".js")),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
