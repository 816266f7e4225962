/**
 * Query keys, in one place so mutations invalidate exactly what they change. Each key is a prefix:
 * invalidating `keys.users` refreshes every page and search of the members list.
 */
export const keys = {
  currentUser: ["current-user"] as const,
  abilities: ["abilities"] as const,
  sessions: ["sessions"] as const,
  users: ["users"] as const,
  assignments: ["role-assignments"] as const,
  roles: ["roles"] as const,
  permissions: ["permissions"] as const,
  workspaces: ["workspaces"] as const,
  audit: ["audit-events"] as const,
  teams: ["teams"] as const,
  teamAssignments: ["team-role-assignments"] as const,
  stacks: ["stacks"] as const,
  components: ["components"] as const,
  flavors: ["flavors"] as const,
};
