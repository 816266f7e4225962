/**
 * What the server says the actor may do (src/core/abilities.ts). Controls are shown or hidden by
 * these values only; the dashboard never infers them from roles (the API refuses anyway).
 */
import { useQuery } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import type { Abilities } from "./types";

export interface AbilityTargets {
  users?: readonly string[];
  roles?: readonly string[];
  workspaces?: readonly string[];
}

const join = (ids: readonly string[] | undefined) => (ids && ids.length > 0 ? [...ids].sort().join(",") : undefined);

export function useAbilities(targets: AbilityTargets = {}) {
  const query = { users: join(targets.users), roles: join(targets.roles), workspaces: join(targets.workspaces) };
  return useQuery({
    queryKey: [...keys.abilities, query],
    queryFn: () => api.get<Abilities>("/current-user/abilities", query),
    staleTime: 30_000,
  });
}
