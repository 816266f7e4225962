/**
 * What the server says the actor may do (src/core/abilities.ts). Controls are shown or hidden by
 * these values only; the dashboard never infers them from roles (the API refuses anyway).
 */
import { useQuery } from "@tanstack/react-query";
import { MAX_ABILITY_TARGETS } from "../../../src/core/abilities.js";
import { api } from "./client";
import { keys } from "./keys";
import type { Abilities } from "./types";

const KINDS = ["users", "roles", "workspaces", "teams", "stacks", "components"] as const;

export type AbilityTargets = Partial<Record<(typeof KINDS)[number], readonly string[]>>;

/** The query string of round `i`: at most MAX_ABILITY_TARGETS ids of each kind. */
function round(targets: AbilityTargets, i: number): Record<string, string | undefined> {
  const slice = (ids: readonly string[] = []) => ids.slice(i * MAX_ABILITY_TARGETS, (i + 1) * MAX_ABILITY_TARGETS).join(",") || undefined;
  return Object.fromEntries(KINDS.map((kind) => [kind, slice(targets[kind])]));
}

async function fetchAbilities(targets: AbilityTargets): Promise<Abilities> {
  const rounds = Math.max(1, ...KINDS.map((kind) => Math.ceil((targets[kind]?.length ?? 0) / MAX_ABILITY_TARGETS)));
  const answers = await Promise.all(
    Array.from({ length: rounds }, (_, i) => api.get<Abilities>("/current-user/abilities", round(targets, i))),
  );
  return answers.reduce((all, next) => ({
    global: all.global,
    ...(Object.fromEntries(KINDS.map((kind) => [kind, { ...all[kind], ...next[kind] }])) as Omit<Abilities, "global">),
  }));
}

export function useAbilities(targets: AbilityTargets = {}) {
  const sorted = Object.fromEntries(KINDS.map((kind) => [kind, [...(targets[kind] ?? [])].sort()]));
  return useQuery({
    queryKey: [...keys.abilities, sorted],
    queryFn: () => fetchAbilities(sorted),
    staleTime: 30_000,
  });
}
