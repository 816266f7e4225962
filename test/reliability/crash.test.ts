/**
 * Every acknowledged write survives `kill -9` (SPEC §10). A real server process runs under a write
 * load of several workers (users with passwords, pending users, roles with permissions,
 * workspaces, teams with members, role assignments, role updates) and is killed with SIGKILL at a
 * random moment while requests are in flight (checked at the kill: requests sent and not yet
 * answered, and writes acknowledged in the moment before, so the kill provably cut into a live load
 * and not an idle server); it is then restarted on the same store, which must
 * hold every write that was answered 200, and nothing half-written: each entity that exists, even
 * one whose request was cut off, is exactly what one request asked for and has its audit event.
 * The last restart ends with SIGTERM, which must stop the server cleanly.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { describeEachDialect, type TestDatabase } from "../helpers/dialects.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { loginAt, spawnServer, type ServerProcess } from "../helpers/server-process.js";
import { writeLoad } from "../helpers/write-load.js";
import { Ledger, verifyLedger } from "../helpers/write-ledger.js";

const CRASHES = 3;
const WORKERS = 6;
/** Bounds the load of a round even if the kill never came. */
const MAX_OPS_PER_WORKER = 400;
/** The kill waits for this many acknowledged writes in the round, then a random 0–800 ms more. */
const WRITES_BEFORE_KILL = 15;
const KILL_JITTER_MS = 800;
const WAIT_FOR_LOAD_MS = 20_000;
/** At the kill, some write must have been acknowledged within this long: the load was live, not stalled. */
const LIVE_WITHIN_MS = 1_000;

async function untilAcknowledged(ledger: Ledger, count: number): Promise<void> {
  const deadline = Date.now() + WAIT_FOR_LOAD_MS;
  while (ledger.count().acked < count && Date.now() < deadline) await sleep(20);
}

describeEachDialect("kill -9 under concurrent writes", (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  before(async () => {
    database = await dialect.createDatabase();
    dataDir = await mkdtemp(join(tmpdir(), "cohort_crash_"));
  });
  after(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write through ${CRASHES} crashes, and nothing half-written`, { timeout: 180_000 }, async (ctx) => {
    const ledger = new Ledger(`crash${randomBytes(3).toString("hex")}-`);
    const start = () => spawnServer({ databaseUrl: database.url, dataDir, env: { COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD } });
    const figures: string[] = [];
    let lost = 0;
    for (let round = 0; round <= CRASHES; round++) {
      const server: ServerProcess = await start();
      try {
        const admin = await loginAt(server.url, ADMIN_NAME, ADMIN_PASSWORD);
        const check = await verifyLedger(admin, ledger);
        lost += check.lost;
        assert.deepEqual(check.problems, [], `after crash ${round}:\n${server.output()}`);
        figures.push(
          `restart ${round}: ${check.checked} entities checked, ${check.appliedUnacked} cut-off writes found committed and whole`,
        );
        if (round === CRASHES) {
          assert.equal(await server.stop(), 0, `SIGTERM stops the server cleanly:\n${server.output()}`);
          break;
        }
        const ackedBefore = ledger.count().acked;
        const load = writeLoad(admin, ledger, `r${round}`, WORKERS, MAX_OPS_PER_WORKER);
        await untilAcknowledged(ledger, ackedBefore + WRITES_BEFORE_KILL);
        await sleep(Math.floor(Math.random() * KILL_JITTER_MS));
        const atKill = { inFlight: ledger.inFlight, justAcked: ledger.ackedSince(Date.now() - LIVE_WITHIN_MS) };
        await server.kill();
        const { cutOff } = await load;
        const { acked, unacked } = ledger.count();
        figures.push(
          `crash ${round + 1}: ${acked - ackedBefore} writes acknowledged this round (${atKill.justAcked} acknowledgements in its last ${LIVE_WITHIN_MS} ms), ${atKill.inFlight} requests in flight at the kill, ${cutOff} cut off, ${unacked} unacknowledged so far`,
        );
        assert.ok(atKill.inFlight > 0, `crash ${round + 1}: no request was in flight at the kill`);
        assert.ok(atKill.justAcked > 0, `crash ${round + 1}: no write was acknowledged in the ${LIVE_WITHIN_MS} ms before the kill`);
      } finally {
        await server.kill();
      }
      assert.deepEqual(ledger.unexpected, [], "every write answered 200 while the server was up");
    }
    const total = ledger.count();
    ctx.diagnostic(`${CRASHES} crashes survived, ${total.acked} writes acknowledged, ${lost} lost`);
    for (const line of figures) ctx.diagnostic(line);
    assert.equal(lost, 0);
  });
});
