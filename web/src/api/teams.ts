/** Teams, their members and the roles given to them. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import type { Page, Team, TeamRoleAssignment } from "./types";

/** Every team: a server holds a few dozen, so one page of 1000 is all of them. */
export function useTeams() {
  return useQuery({
    queryKey: keys.teams,
    queryFn: () => api.get<Page<Team>>("/teams", { size: 1000, sort_by: "asc:name" }),
  });
}

/** Every team's role assignments, global and per workspace, in one request. */
export function useTeamAssignments() {
  return useQuery({
    queryKey: keys.teamAssignments,
    queryFn: () => api.get<Page<TeamRoleAssignment>>("/team_role_assignments", { size: 10000 }),
  });
}

/**
 * A team's members and roles reach every member's permissions (the current user's too) and show
 * on the members page.
 */
function useRefreshTeams() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [keys.teams, keys.teamAssignments, keys.users, keys.abilities, keys.currentUser].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
}

export interface TeamSave {
  id?: string;
  name?: string;
  /** Member ids; left out, the members stay as they are. */
  users?: string[];
}

export function useSaveTeam() {
  const refresh = useRefreshTeams();
  return useMutation({
    mutationFn: ({ id, ...body }: TeamSave) => (id ? api.put<Team>(`/teams/${id}`, body) : api.post<Team>("/teams", body)),
    onSettled: refresh,
  });
}

export function useDeleteTeam() {
  const refresh = useRefreshTeams();
  return useMutation({ mutationFn: (team: Team) => api.delete(`/teams/${team.id}`), onSettled: refresh });
}

export function useAssignTeamRole() {
  const refresh = useRefreshTeams();
  return useMutation({
    /** `workspace` null gives the role everywhere. */
    mutationFn: (body: { team: string; role: string; workspace: string | null }) =>
      api.post<TeamRoleAssignment>("/team_role_assignments", body),
    onSettled: refresh,
  });
}

export function useRevokeTeamRole() {
  const refresh = useRefreshTeams();
  return useMutation({
    mutationFn: (assignment: TeamRoleAssignment) => api.delete(`/team_role_assignments/${assignment.id}`),
    onSettled: refresh,
  });
}
