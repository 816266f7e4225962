/** The stack components of a workspace the current user can see, their flavors, and registering one. */
import { useMutation, useQuery } from "@tanstack/react-query";
import type { ComponentCreate } from "../../../src/core/schemas/stacks.js";
import { api } from "./client";
import { keys } from "./keys";
import { useRefreshShareables } from "./shareables";
import type { Component, Flavor, Page } from "./types";

export function useComponents(workspaceId: string | undefined) {
  return useQuery({
    queryKey: [...keys.components, workspaceId],
    queryFn: () => api.get<Page<Component>>(`/workspaces/${workspaceId}/components`, { size: 1000, sort_by: "asc:name" }),
    enabled: workspaceId !== undefined,
  });
}

/** The flavors the server knows for a component type (others may still be typed in). */
export function useFlavors(type: string) {
  return useQuery({
    queryKey: [...keys.flavors, type],
    queryFn: () => api.get<Page<Flavor>>("/flavors", { type, size: 1000 }),
    staleTime: Infinity,
  });
}

export function useRegisterComponent() {
  const refresh = useRefreshShareables();
  return useMutation({
    mutationFn: (body: ComponentCreate) => api.post<Component>(`/workspaces/${body.workspace}/components`, body),
    onSettled: refresh,
  });
}
