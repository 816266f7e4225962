/** Members: list, invite, change, sign-up links, delete. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signupLink } from "../../../src/core/signup-link.js";
import { api } from "./client";
import { messageOf } from "./errors";
import { keys } from "./keys";
import type { Page, Role, User } from "./types";

export const MEMBERS_PAGE_SIZE = 20;

export function useUsers(page: number, search: string) {
  return useQuery({
    queryKey: [...keys.users, { page, search }],
    queryFn: () =>
      api.get<Page<User>>("/users", {
        page,
        size: MEMBERS_PAGE_SIZE,
        sort_by: "asc:name",
        name: search ? `contains:${search}` : undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every active user, for "hand what they own to" pickers. */
export function useActiveUsers() {
  return useQuery({
    queryKey: [...keys.users, "active"],
    queryFn: () => api.get<Page<User>>("/users", { active: "true", size: 1000, sort_by: "asc:name" }),
  });
}

/** The link a user signs up with; the dashboard's own origin is where they will open it. */
export function linkFor(user: Pick<User, "id" | "name" | "activation_token">): string {
  return signupLink(window.location.origin, user, user.activation_token ?? "");
}

export interface Invitation {
  user: User;
  link: string;
  /** Roles the server refused to assign (e.g. one carrying a permission the inviter lacks). */
  refused: { role: Role; message: string }[];
}

/** Everything that shows users or what may be done to them. */
function useRefreshUsers() {
  const client = useQueryClient();
  return () => Promise.all([keys.users, keys.abilities, keys.assignments].map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** Creates a pending user, then assigns each chosen role globally, as the legacy dashboard did. */
export function useInviteUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: async ({ name, roles }: { name: string; roles: Role[] }): Promise<Invitation> => {
      const user = await api.post<User>("/users", { name });
      const refused: Invitation["refused"] = [];
      for (const role of roles) {
        try {
          await api.post("/role_assignments", { user: user.id, role: role.id });
        } catch (err) {
          refused.push({ role, message: messageOf(err) });
        }
      }
      return { user, link: linkFor(user), refused };
    },
    onSettled: refresh,
  });
}

/** A fresh sign-up link: the old one and the user's sessions stop working. */
export function useNewLink() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: async (user: User) => linkFor(await api.put<User>(`/users/${user.id}/deactivate`)),
    onSettled: refresh,
  });
}

export function useSetActive() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) => api.put<User>(`/users/${user.id}`, { active }),
    onSettled: refresh,
  });
}

export function useDeleteUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ user, transferTo }: { user: User; transferTo?: string }) => api.delete(`/users/${user.id}`, { transfer_to: transferTo }),
    onSettled: refresh,
  });
}
