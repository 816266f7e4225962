/** Roles and the permission catalogue. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RoleCreate } from "../../../src/core/schemas/roles.js";
import { api } from "./client";
import { keys } from "./keys";
import type { Page, Permission, Role } from "./types";

/** Every role: a server holds a handful, so one page of 1000 is all of them. */
export function useRoles() {
  return useQuery({
    queryKey: keys.roles,
    queryFn: () => api.get<Page<Role>>("/roles", { size: 1000, sort_by: "asc:name" }),
  });
}

export function usePermissions() {
  return useQuery({ queryKey: keys.permissions, queryFn: () => api.get<Permission[]>("/permissions"), staleTime: Infinity });
}

/** A role's permissions reach every holder, the current user included. */
function useRefreshRoles() {
  const client = useQueryClient();
  return () =>
    Promise.all([keys.roles, keys.users, keys.abilities, keys.currentUser].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useSaveRole() {
  const refresh = useRefreshRoles();
  return useMutation({
    mutationFn: ({ id, ...body }: RoleCreate & { id?: string }) =>
      id ? api.put<Role>(`/roles/${id}`, body) : api.post<Role>("/roles", body),
    onSettled: refresh,
  });
}

export function useDeleteRole() {
  const refresh = useRefreshRoles();
  return useMutation({ mutationFn: (role: Role) => api.delete(`/roles/${role.id}`), onSettled: refresh });
}
