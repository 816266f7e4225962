/**
 * Bulk users for the list benchmarks, written straight through the store (kysely) in one
 * transaction, not through the user services: hashing 100,000 passwords would take half an hour and is not what is measured.
 * Rows are filled as the services fill them; every user gets the built-in `guest` role globally
 * and one in ten joins a team, so the presenter's per-page lookups find something to join.
 */
import { sql } from "kysely";
import { loadConfig } from "../src/server/config.js";
import { transaction } from "../src/server/services/context.js";
import { principalName } from "../src/server/services/name-skeleton.js";
import { openDatabase } from "../src/server/store/db.js";
import { GLOBAL_SCOPE } from "../src/server/store/repos/assignments.js";
import { newId } from "../src/server/store/repos/ids.js";
import type { NewUserRow } from "../src/server/store/repos/users.js";
import { stampOf } from "../src/server/store/time.js";

/** Rows per INSERT: 14 columns × 500 stays under every dialect's bound-parameter limit. */
const CHUNK = 500;
const TEAMS = 10;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Adds users until the store holds `total` (the `default` admin counts). */
export async function seedUsers(url: string, total: number): Promise<void> {
  const db = openDatabase(url);
  try {
    const q = db.kysely;
    const { n } = await q
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const existing = Number(n);
    if (existing >= total) return;
    const guest = await q.selectFrom("role").select("id").where("name_key", "=", "guest").executeTakeFirstOrThrow();
    const startMs = Date.now();
    // Through the services' transaction, as every write to users and grants goes: it moves the
    // access generation, so a server on this store reads its sessions afresh.
    await transaction({ db, config: loadConfig({}, { databaseUrl: url }) }, async (tx) => {
      let teams = await tx.selectFrom("team").select("id").where("name_key", "like", "bench-team-%").execute();
      if (teams.length === 0) {
        const stamp = stampOf(startMs);
        teams = Array.from({ length: TEAMS }, () => ({ id: newId() }));
        await tx
          .insertInto("team")
          .values(teams.map((t, i) => ({ id: t.id, created: stamp, updated: stamp, ...principalName(`bench-team-${i}`) })))
          .execute();
      }
      const users: NewUserRow[] = [];
      for (let i = existing; i < total; i++) {
        // Distinct, increasing creation times, as users created one by one would have.
        const stamp = stampOf(startMs + Math.floor(i / 1000), i % 1000);
        const name = `bench-user-${String(i).padStart(6, "0")}`;
        users.push({
          id: newId(),
          created: stamp,
          updated: stamp,
          ...principalName(name),
          full_name: `Bench User ${i}`,
          email: `${name}@example.com`,
          email_key: `${name}@example.com`,
          email_opted_in: null,
          active: 1,
          password_hash: null,
          activation_digest: null,
          activation_expires: null,
        });
      }
      for (const part of chunks(users)) {
        await tx.insertInto("users").values(part).execute();
        await tx
          .insertInto("role_assignment")
          .values(
            part.map((u) => ({
              id: newId(),
              created: u.created,
              updated: u.created,
              role_id: guest.id,
              user_id: u.id,
              team_id: null,
              workspace_id: null,
              principal_id: u.id,
              scope: GLOBAL_SCOPE,
            })),
          )
          .execute();
        const members = part.filter((_, i) => i % 10 === 0).map((u, i) => ({ team_id: teams[i % teams.length]!.id, user_id: u.id }));
        if (members.length > 0) await tx.insertInto("team_member").values(members).execute();
      }
    });
    // PostgreSQL's autovacuum would soon do this on its own; doing it now measures the steady state
    // (fresh statistics, and a visibility map that lets counts use index-only scans).
    if (db.dialect === "postgres") await sql`vacuum analyze`.execute(q);
  } finally {
    await db.close();
  }
}
