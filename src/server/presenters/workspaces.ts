import type { WorkspaceRow } from "../store/repos/workspaces.js";
import { base, type WireWorkspace } from "./wire.js";

export function presentWorkspace(row: WorkspaceRow): WireWorkspace {
  return { ...base(row), name: row.name, description: row.description };
}
