/**
 * Every migration, in order. Listed explicitly (not read from disk) so the compiled package and
 * the tsx test run see the same set, and so a bundler could include them.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as core from "./2026-11-23T00-00-core.js";
import * as stacks from "./2026-11-23T01-00-stacks.js";
import * as userCount from "./2026-11-23T02-00-user-count.js";
import * as exactText from "./2026-11-23T03-00-exact-text.js";
import * as byteOrder from "./2026-11-23T04-00-byte-order.js";
import * as accessGeneration from "./2026-11-23T05-00-access-generation.js";
import * as nameSkeletons from "./2026-11-24T00-00-name-skeletons.js";

const MIGRATIONS: Record<string, Migration> = {
  "2026-11-23T00-00-core": core,
  "2026-11-23T01-00-stacks": stacks,
  "2026-11-23T02-00-user-count": userCount,
  "2026-11-23T03-00-exact-text": exactText,
  "2026-11-23T04-00-byte-order": byteOrder,
  "2026-11-23T05-00-access-generation": accessGeneration,
  "2026-11-24T00-00-name-skeletons": nameSkeletons,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
