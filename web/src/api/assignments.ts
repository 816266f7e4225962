/** A user's global roles: read them, and change them by adding and removing assignments. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { messageOf } from "./errors";
import { keys } from "./keys";
import type { Page, RoleAssignment } from "./types";

export function useUserAssignments(userId: string) {
  return useQuery({
    queryKey: [...keys.assignments, userId],
    queryFn: () => api.get<Page<RoleAssignment>>("/role_assignments", { user_id: userId, size: 1000 }),
  });
}

export interface RoleChange {
  userId: string;
  /** Global assignments the user holds now. */
  current: RoleAssignment[];
  /** Role ids the user should hold globally. */
  wanted: string[];
}

/** Applies every addition and removal; failures are collected so one refusal does not hide the rest. */
export function useSetUserRoles() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, current, wanted }: RoleChange) => {
      const held = new Set(current.map((a) => a.role?.id));
      const failures: string[] = [];
      const attempt = async (step: () => Promise<unknown>) => {
        try {
          await step();
        } catch (err) {
          failures.push(messageOf(err));
        }
      };
      for (const roleId of wanted.filter((id) => !held.has(id))) {
        await attempt(() => api.post("/role_assignments", { user: userId, role: roleId }));
      }
      for (const assignment of current.filter((a) => !wanted.includes(a.role?.id ?? ""))) {
        await attempt(() => api.delete(`/role_assignments/${assignment.id}`));
      }
      if (failures.length > 0) throw new Error(failures.join(" "));
    },
    onSettled: () =>
      Promise.all(
        [keys.assignments, keys.users, keys.abilities, keys.currentUser].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}
