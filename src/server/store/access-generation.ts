/**
 * The access generation (migration 2026-11-23T05-00): a counter in the store that moves whenever
 * anything deciding access changes. Reading it costs one single-row statement; re-reading a
 * session with its user and live grants cost the larger part of an authenticated request
 * (docs/performance.md). A server process may therefore reuse what it read about a session for as
 * long as the store still shows the generation it read it at (services/session-cache.ts), and a
 * change through any process is still seen on the very next request (SPEC §5.1).
 *
 * That holds only if no such change can leave the generation where it was, so the rule is kept
 * by construction, not by care:
 * - A transaction (services/context.ts) watches its own statements and advances the generation
 *   as its last statement when one of them wrote an access table: in the same transaction, so
 *   the change and the new generation commit together, and last, so the counter's row lock is
 *   held only until the commit and is never waited on while holding another.
 * - Outside a transaction the store refuses to write an access table at all, save the two writes
 *   that cannot make a remembered session wrong (`isNeutral`).
 * Schema changes advance it too (store/migrate.ts).
 */
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import { sql } from "kysely";
import { prepared } from "./prepared.js";
import { readsDirectly, valueDirectly } from "./sqlite-statements.js";
import type { Q } from "./repos/users.js";

/**
 * What a remembered session depends on: its own row, its user's row, the user's grants (through
 * roles, their permissions, assignments and team memberships), and what `GET /current-user` shows
 * of teams and roles. Workspaces and the parents of the rest are here because deleting one
 * deletes assignments by cascade, and MariaDB runs no trigger and tells no one about those.
 */
const ACCESS_TABLES = new Set(["session", "users", "role", "role_permission", "role_assignment", "team", "team_member", "workspace"]);

/** Columns a session's activity moves (touchSession): the session check re-reads them when they matter. */
const ACTIVITY_COLUMNS = new Set(["last_seen", "idle_expires"]);

function tableName(node: OperationNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === "AliasNode") return tableName((node as unknown as { node: OperationNode }).node);
  if (node.kind === "TableNode") return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
  return undefined;
}

function columnName(node: OperationNode): string | undefined {
  return node.kind === "ColumnNode" ? (node as unknown as { column: { name: string } }).column.name : undefined;
}

/** A write's target table; `"?"` for raw SQL that writes (it could write anything). Undefined for reads and DDL. */
function writtenTable(node: RootOperationNode): string | undefined {
  switch (node.kind) {
    case "InsertQueryNode":
      return tableName(node.into);
    case "UpdateQueryNode":
      return tableName(node.table);
    case "DeleteQueryNode":
      return node.from.froms.length === 1 ? tableName(node.from.froms[0]) : "?";
    case "MergeQueryNode":
      return "?";
    case "RawNode":
      return /^\s*(insert|update|delete|replace|merge)\b/i.test(node.sqlFragments.join("?")) ? "?" : undefined;
    default:
      return undefined;
  }
}

/**
 * Writes that cannot make a remembered session wrong: a new session (nothing is remembered about
 * a token until its session has been found), and a session's activity (the cache re-reads a
 * session before its remembered activity could decide anything).
 */
function isNeutral(node: RootOperationNode, table: string): boolean {
  if (table !== "session") return false;
  if (node.kind === "InsertQueryNode") return true;
  if (node.kind !== "UpdateQueryNode") return false;
  return (node.updates ?? []).every((u) => ACTIVITY_COLUMNS.has(columnName(u.column) ?? ""));
}

/** Whether a statement writes something a remembered session depends on. */
export function changesAccess(node: RootOperationNode): boolean {
  const table = writtenTable(node);
  if (table === undefined) return false;
  return (table === "?" || ACCESS_TABLES.has(table)) && !isNeutral(node, table);
}

/** A plugin that only looks at the statements, and passes results through. */
abstract class Watcher implements KyselyPlugin {
  abstract transformQuery(args: PluginTransformQueryArgs): RootOperationNode;
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** On a transaction: notes whether it changed access, so that it advances the generation before committing. */
export class AccessWrites extends Watcher {
  changed = false;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (!this.changed && changesAccess(node)) this.changed = true;
    return node;
  }
}

/** On the store itself (autocommit statements): refuses a write that would change access without moving the generation. */
export class OnlyInTransactions extends Watcher {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (changesAccess(node)) {
      throw new Error("Access tables are written only inside transaction() (services/context.ts), which advances the access generation");
    }
    return node;
  }
}

const generationQuery = prepared((q) => q.selectFrom("access_generation").select("value").where("id", "=", 1));

const missing = () => new Error("the access_generation row is missing");

/** The store's access generation now. */
export async function readAccessGeneration(q: Q): Promise<number> {
  const [row] = await generationQuery(q, {});
  if (!row) throw missing();
  return Number(row.value);
}

/**
 * The store's access generation, read at once when the store can answer synchronously (SQLite,
 * no transaction open on its connection: store/sqlite-statements.ts); otherwise undefined, and
 * nothing was read.
 */
export function accessGenerationNow(q: Q): number | undefined {
  if (!readsDirectly(q)) return undefined;
  const value = valueDirectly(q, generationQuery.compiled(q, {}));
  if (value === undefined) throw missing();
  return Number(value);
}

/**
 * Moves the generation on: every process's remembered sessions are read afresh on their next
 * request. It moves to the next value, or to the clock (in thousandths of a millisecond) when
 * that is ahead, so no value is handed out twice even when a backup restored under running
 * servers puts the counter back: counting up again from the backup's value would reach values
 * those servers had remembered sessions at, with grants the restored store no longer gives.
 */
export async function advanceAccessGeneration(q: Q): Promise<void> {
  const clock = Date.now() * 1000;
  await q
    .updateTable("access_generation")
    .set({ value: sql`case when value + 1 > ${clock} then value + 1 else ${clock} end` })
    .where("id", "=", 1)
    .execute();
}
