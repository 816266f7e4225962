/** Wire types, taken from the server's own definitions so the two cannot drift. */
export type {
  WireComponent as Component,
  WireFlavor as Flavor,
  WireRole as Role,
  WireSession as Session,
  WireStack as Stack,
  WireTeam as Team,
  WireTeamRoleAssignment as TeamRoleAssignment,
  WireUser as User,
  WireUserRoleAssignment as RoleAssignment,
  WireWorkspace as Workspace,
} from "../../../src/server/presenters/wire.js";
export type {
  Abilities,
  AbilitySet,
  GlobalAbility,
  ShareableAbility,
  TeamAbility,
  UserAbility,
  UserStatus,
  WorkspaceAbility,
} from "../../../src/core/abilities.js";
export type { Permission } from "../../../src/core/permissions.js";

/** The list envelope of SPEC §6. */
export interface Page<T> {
  index: number;
  max_size: number;
  total_pages: number;
  total: number;
  items: T[];
}
