/**
 * A request held in flight, for the suites that must make two requests overlap on every database.
 * The server authenticates a request when its headers arrive (the onRequest hook reads the session
 * and the caller's permissions) and runs its handler once the body is in; so a request whose
 * headers are sent and whose body is held back has passed authentication as the caller was then,
 * and runs when `release` sends the rest. What the test changes in between is what a request
 * racing it would have changed: on SQLite, whose requests otherwise run one after the other,
 * this is the only way to make them overlap.
 *
 * Methods without a body of their own (DELETE, a bare PUT) carry `{}`, which their routes ignore.
 */
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Body, Reply } from "./http.js";

export interface InFlight {
  /** Sends the held byte and resolves with the answer. */
  release(): Promise<Reply>;
}

/**
 * The time given to the server to authenticate the held request before the test moves on: on
 * SQLite it happens as the headers are read, elsewhere after a read or two from the store.
 */
const AUTHENTICATION_MS = 150;
/**
 * A request a failed test never released is dropped after this long: the server's close would
 * otherwise wait for it forever.
 */
const ABANDONED_MS = 30_000;

/** Opens `method path` as the holder of `token`, sends all of the JSON body but its last byte. */
export async function holdInFlight(baseUrl: string, token: string, method: string, path: string, json: unknown = {}): Promise<InFlight> {
  const { hostname, port } = new URL(baseUrl);
  const body = Buffer.from(JSON.stringify(json));
  // A connection of its own: the held request must not queue behind, or hold up, any other.
  const req = http.request({
    host: hostname,
    port,
    method,
    path,
    agent: false,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(body.length) },
  });
  const answer = new Promise<Reply>((resolve, reject) => {
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const parsed: Body = text === "" ? undefined : JSON.parse(text);
        resolve({ status: res.statusCode ?? 0, body: parsed, headers: new Headers(res.headers as Record<string, string>) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
  // Dropped by the timer below, an abandoned request rejects with nobody listening: not an error.
  answer.catch(() => undefined);
  const abandon = setTimeout(() => req.destroy(), ABANDONED_MS).unref();
  req.flushHeaders();
  req.write(body.subarray(0, body.length - 1));
  // An answer before the release means the request never got to wait (refused at the door).
  const early = await Promise.race([answer, sleep(AUTHENTICATION_MS).then(() => undefined)]);
  if (early) {
    clearTimeout(abandon);
    throw new Error(`${method} ${path} was answered before its body was complete: ${early.status} ${JSON.stringify(early.body)}`);
  }
  return {
    release: () => {
      clearTimeout(abandon);
      req.end(body.subarray(body.length - 1));
      return answer;
    },
  };
}
