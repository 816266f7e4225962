/**
 * What stacks and components have in common: each is private to its owner or shared with the
 * workspace, and is shared, unshared and deleted the same way.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import type { Component, Stack } from "./types";

export type ShareableKind = "stacks" | "components";

/**
 * A change to either touches both lists: a stack shows its components, and a component's
 * deletability depends on the stacks that hold it.
 */
export function useRefreshShareables() {
  const client = useQueryClient();
  return () => Promise.all([keys.stacks, keys.components, keys.abilities].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useSetShared(kind: ShareableKind) {
  const refresh = useRefreshShareables();
  return useMutation({
    mutationFn: ({ id, shared }: { id: string; shared: boolean }) => api.put<Stack | Component>(`/${kind}/${id}`, { is_shared: shared }),
    onSettled: refresh,
  });
}

export function useDeleteShareable(kind: ShareableKind) {
  const refresh = useRefreshShareables();
  return useMutation({ mutationFn: (id: string) => api.delete(`/${kind}/${id}`), onSettled: refresh });
}
