/**
 * The password estimator (core/password-strength.ts) in a process of its own, started for the first
 * password to check and stopped once none has come for IDLE_MS. Loading its dictionaries takes
 * about 0.3 s of CPU and 40–70 MB of memory, and one estimate of a 128-character password up to
 * 80 ms of CPU. In the server's own process the load would stall every request in flight, a stream
 * of long passwords would stall the server, and the memory would stay for good, past the 150 MB an
 * idle server may hold (SPEC §11: measured 150 MB after start instead of 111). A worker thread
 * would leave part of its memory behind when it stops, and cannot run TypeScript under the tests'
 * loader. Passwords are set rarely; a burst of them shares one load.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Estimate } from "../../core/password-strength.js";

/** Long enough for an admin's round of invitations or a test suite to share one load. */
const IDLE_MS = 30_000;

/** What the estimator process is sent (password-estimator-process.ts). */
export interface Request {
  id: number;
  password: string;
  words: string[];
}

/** What it answers. */
export interface Reply {
  id: number;
  estimate: Estimate;
}

interface Waiting {
  resolve(estimate: Estimate): void;
  reject(err: Error): void;
}

/** One estimator process and the requests it has yet to answer. */
interface Estimator {
  child: ChildProcess;
  waiting: Map<number, Waiting>;
  idle?: NodeJS.Timeout;
}

let current: Estimator | undefined;
let nextId = 0;

/** Its script beside this file: TypeScript under the tests' loader (inherited), JavaScript when built. */
const SCRIPT = fileURLToPath(new URL(`./password-estimator-process${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url));

/** Whether it keeps this process alive: while it owes an answer, and not once idle. */
function hold(child: ChildProcess, held: boolean): void {
  if (held) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

function start(): Estimator {
  const child = fork(SCRIPT, [], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const estimator: Estimator = { child, waiting: new Map() };
  const stop = (err: Error) => {
    if (current === estimator) current = undefined;
    for (const w of estimator.waiting.values()) w.reject(err);
    estimator.waiting.clear();
  };
  child.on("message", ({ id, estimate }: Reply) => {
    estimator.waiting.get(id)?.resolve(estimate);
    estimator.waiting.delete(id);
    if (estimator.waiting.size > 0) return;
    hold(child, false);
    estimator.idle = setTimeout(() => {
      if (current === estimator) current = undefined;
      // It exits when its channel closes.
      if (child.connected) child.disconnect();
    }, IDLE_MS).unref();
  });
  child.on("error", stop);
  child.on("exit", () => stop(new Error("the password estimator stopped")));
  return estimator;
}

/** The estimate of `password`, knowing its owner's words (core's `ownerWords`). */
export function estimatePassword(password: string, words: string[]): Promise<Estimate> {
  const estimator = (current ??= start());
  clearTimeout(estimator.idle);
  hold(estimator.child, true);
  const request: Request = { id: nextId++, password, words };
  return new Promise((resolve, reject) => {
    estimator.waiting.set(request.id, { resolve, reject });
    estimator.child.send(request);
  });
}
