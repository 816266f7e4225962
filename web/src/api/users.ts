/** Members: list, invite, change, sign-up links, unlock, delete. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SIGNUP_LINK_HEADER } from "../../../src/core/signup-link.js";
import { api, exchange } from "./client";
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

/**
 * Sends a request that gives a user a fresh activation token, and takes the sign-up link from the
 * server: only it knows the public address (COHORT_BASE_URL), which may differ from the one this
 * browser reached it by.
 */
async function withSignupLink(method: "POST" | "PUT", path: string, json?: unknown): Promise<{ user: User; link: string }> {
  const { body: user, headers } = await exchange<User>(method, path, { json });
  const link = headers.get(SIGNUP_LINK_HEADER);
  if (!link) throw new Error("The server sent no sign-up link.");
  return { user, link };
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
      const { user, link } = await withSignupLink("POST", "/users", { name });
      const refused: Invitation["refused"] = [];
      for (const role of roles) {
        try {
          await api.post("/role_assignments", { user: user.id, role: role.id });
        } catch (err) {
          refused.push({ role, message: messageOf(err) });
        }
      }
      return { user, link, refused };
    },
    onSettled: refresh,
  });
}

/** A fresh sign-up link: the old one and the user's sessions stop working. */
export function useNewLink() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: async (user: User) => (await withSignupLink("PUT", `/users/${user.id}/deactivate`)).link,
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

/** Lifts a login lockout: the member can log in again at once (SPEC §5.1). */
export function useUnlockUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (user: User) => api.put<User>(`/users/${user.id}/unlock`),
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
