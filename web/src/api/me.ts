/** The current user's own profile, password and sessions (`/current-user`). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import type { Session, User } from "./types";

/** Only the fields that changed: the default user may not even resend its own name unchanged. */
export type ProfileChange = Partial<Record<"name" | "full_name" | "email", string>>;

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ProfileChange) => api.put<User>("/current-user", change),
    onSuccess: (user) => client.setQueryData(keys.currentUser, user),
    onSettled: () => client.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ old_password, password }: { old_password: string; password: string }) =>
      api.put<User>("/current-user", { old_password, password }),
    // The server ends every other session on a password change.
    onSettled: () => client.invalidateQueries({ queryKey: keys.sessions }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: keys.sessions, queryFn: () => api.get<Session[]>("/current-user/sessions") });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (session: Session) => api.delete(`/current-user/sessions/${session.id}`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.sessions }),
  });
}

/** Ends every session of the user but this one (`DELETE /current-user/sessions`). */
export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete("/current-user/sessions"),
    onSettled: () => client.invalidateQueries({ queryKey: keys.sessions }),
  });
}
