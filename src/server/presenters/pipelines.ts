/** Pipelines on the wire (ZenML 0.40's PipelineResponseModel, field order included). */
import { lastRunStatuses, type PipelineRow } from "../store/repos/pipelines.js";
import type { Q } from "../store/repos/users.js";
import { jsonObject, loadOwners } from "./owned.js";
import { base, type WirePipeline } from "./wire.js";

/** ZenML reports the status of a pipeline's last three runs. */
const STATUS_RUNS = 3;

export async function presentPipelines(q: Q, rows: readonly PipelineRow[]): Promise<WirePipeline[]> {
  const [owners, statuses] = await Promise.all([
    loadOwners(q, rows),
    lastRunStatuses(
      q,
      rows.map((r) => r.id),
      STATUS_RUNS,
    ),
  ]);
  return rows.map((row) => ({
    ...base(row),
    user: owners.user(row),
    workspace: owners.workspace(row),
    name: row.name,
    version: row.version,
    version_hash: row.version_hash,
    docstring: row.docstring,
    spec: jsonObject(row.spec),
    // ZenML nests the last runs here too; clients read `status` and fetch runs themselves.
    runs: null,
    status: statuses.get(row.id) ?? [],
  }));
}

export async function presentPipeline(q: Q, row: PipelineRow): Promise<WirePipeline> {
  const [wire] = await presentPipelines(q, [row]);
  if (!wire) throw new Error("presentPipelines lost a row");
  return wire;
}
