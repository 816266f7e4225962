/** The stacks of a workspace the current user can see, and registering one. */
import { useMutation, useQuery } from "@tanstack/react-query";
import type { StackCreate } from "../../../src/core/schemas/stacks.js";
import { api } from "./client";
import { keys } from "./keys";
import { useRefreshShareables } from "./shareables";
import type { Page, Stack } from "./types";

export function useStacks(workspaceId: string | undefined) {
  return useQuery({
    queryKey: [...keys.stacks, workspaceId],
    queryFn: () => api.get<Page<Stack>>(`/workspaces/${workspaceId}/stacks`, { size: 1000, sort_by: "asc:name" }),
    enabled: workspaceId !== undefined,
  });
}

export function useRegisterStack() {
  const refresh = useRefreshShareables();
  return useMutation({
    mutationFn: (body: StackCreate) => api.post<Stack>(`/workspaces/${body.workspace}/stacks`, body),
    onSettled: refresh,
  });
}
