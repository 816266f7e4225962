/**
 * The wire shapes the CLI reads, from the server's presenters (type-only: nothing of the server is
 * loaded at run time by importing these).
 */
export type {
  WireComponent,
  WireFlavor,
  WirePipeline,
  WireRole,
  WireRun,
  WireSession,
  WireStack,
  WireTeam,
  WireTeamRoleAssignment,
  WireUser,
  WireUserRoleAssignment,
  WireWorkspace,
} from "../server/presenters/wire.js";
export type { WireAuditEvent } from "../core/audit-events.js";

export interface LoginResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
}
