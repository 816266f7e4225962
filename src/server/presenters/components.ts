/** Stack components on the wire (ZenML's ComponentResponseModel, field order included). */
import { flag } from "../store/dialect.js";
import type { ComponentRow } from "../store/repos/components.js";
import type { Q } from "../store/repos/users.js";
import { jsonObject, loadOwners, type Owners } from "./owned.js";
import { base, type WireComponent } from "./wire.js";

export function presentComponentWith(owners: Owners, row: ComponentRow): WireComponent {
  return {
    ...base(row),
    user: owners.user(row),
    workspace: owners.workspace(row),
    is_shared: flag(row.is_shared),
    name: row.name,
    type: row.type,
    flavor: row.flavor,
    configuration: jsonObject(row.configuration),
    connector_resource_id: row.connector_resource_id,
    labels: row.labels === null ? null : jsonObject<string>(row.labels),
    connector: null,
  };
}

export async function presentComponents(q: Q, rows: readonly ComponentRow[]): Promise<WireComponent[]> {
  const owners = await loadOwners(q, rows);
  return rows.map((row) => presentComponentWith(owners, row));
}

export async function presentComponent(q: Q, row: ComponentRow): Promise<WireComponent> {
  const [wire] = await presentComponents(q, [row]);
  if (!wire) throw new Error("presentComponents lost a row");
  return wire;
}
