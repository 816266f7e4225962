/** Workspaces. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import type { Page, Workspace } from "./types";

export function useWorkspaces() {
  return useQuery({
    queryKey: keys.workspaces,
    queryFn: () => api.get<Page<Workspace>>("/workspaces", { size: 1000, sort_by: "asc:name" }),
  });
}

function useRefreshWorkspaces() {
  const client = useQueryClient();
  return () => Promise.all([keys.workspaces, keys.abilities].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useSaveWorkspace() {
  const refresh = useRefreshWorkspaces();
  return useMutation({
    /** Without `name` on an update, the name stays (the only way to edit `default`). */
    mutationFn: ({ id, ...body }: { id?: string; name?: string; description: string }) =>
      id ? api.put<Workspace>(`/workspaces/${id}`, body) : api.post<Workspace>("/workspaces", body),
    onSettled: refresh,
  });
}

export function useDeleteWorkspace() {
  const refresh = useRefreshWorkspaces();
  return useMutation({ mutationFn: (ws: Workspace) => api.delete(`/workspaces/${ws.id}`), onSettled: refresh });
}
