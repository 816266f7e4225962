/**
 * Files that hold secrets are the owner's alone (SPEC §9): the SQLite store (password hashes, the
 * CSRF key), its `-wal` and `-shm`, and backups are created 0600 in a 0700 directory whatever the
 * umask; a store found readable by others is tightened, with a warning. The CLI config, which holds
 * a session token, stays 0600 too.
 */
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { writeConfig } from "../../src/cli/config-file.js";
import { backupSqliteStore } from "../../src/server/store/backup.js";
import { openDatabase } from "../../src/server/store/db.js";
import { migrateToLatest } from "../../src/server/store/migrate.js";

const modeOf = (path: string) => statSync(path).mode & 0o777;
const octal = (mode: number) => mode.toString(8).padStart(4, "0");

/** Runs `body` with the process umask set to `mask`, restoring it after. */
async function withUmask<T>(mask: number, body: () => Promise<T>): Promise<T> {
  const previous = process.umask(mask);
  try {
    return await body();
  } finally {
    process.umask(previous);
  }
}

describe("file modes of the SQLite store, its backups and the CLI config", () => {
  const root = mkdtempSync(join(tmpdir(), "cohort_modes_"));
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const mask of [0o022, 0o000]) {
    it(`with umask ${octal(mask)}: the store, -wal, -shm and a backup are 0600, their new directories 0700`, async () => {
      const dir = join(root, `umask-${octal(mask)}`);
      const file = join(dir, "data", "cohort.db");
      await withUmask(mask, async () => {
        const db = openDatabase(`sqlite://${file}`);
        try {
          await migrateToLatest(db);
          // WAL mode keeps both side files while a connection is open.
          for (const path of [file, `${file}-wal`, `${file}-shm`]) {
            assert.ok(existsSync(path), path);
            assert.equal(octal(modeOf(path)), "0600", path);
          }
          for (const path of [dir, join(dir, "data")]) assert.equal(octal(modeOf(path)), "0700", path);
          const backup = await backupSqliteStore(`sqlite://${file}`, join(dir, "data", "backup.db"));
          assert.equal(octal(modeOf(backup.file)), "0600", "the backup");
        } finally {
          await db.close();
        }
      });
    });

    it(`with umask ${octal(mask)}: the CLI config is 0600 in a 0700 directory`, async () => {
      const dir = join(root, `config-${octal(mask)}`, "cohort");
      await withUmask(mask, async () => writeConfig(dir, { url: "http://127.0.0.1:8237", token: "coh_secret" }));
      assert.equal(octal(modeOf(join(dir, "config.json"))), "0600");
      assert.equal(octal(modeOf(dir)), "0700");
    });
  }

  it("a store found readable by others is tightened, -wal and -shm included, with a warning", async () => {
    const file = join(root, "loose", "cohort.db");
    const first = openDatabase(`sqlite://${file}`);
    await migrateToLatest(first);
    // A second connection keeps the side files while the first one closes and the modes loosen.
    const holder = openDatabase(`sqlite://${file}`, { warn: () => {} });
    await first.close();
    await migrateToLatest(holder);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) chmodSync(path, 0o644);
    const warnings: string[] = [];
    const reopened = openDatabase(`sqlite://${file}`, { warn: (message) => warnings.push(message) });
    try {
      for (const path of [file, `${file}-wal`, `${file}-shm`]) assert.equal(octal(modeOf(path)), "0600", path);
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.match(warnings[0]!, /readable by other users/);
      assert.ok(warnings[0]!.includes(file), "the warning names the store");
      await migrateToLatest(reopened);
    } finally {
      await reopened.close();
      await holder.close();
    }
    const quiet: string[] = [];
    await openDatabase(`sqlite://${file}`, { warn: (message) => quiet.push(message) }).close();
    assert.deepEqual(quiet, [], "a store that is already private opens without a word");
  });
});
