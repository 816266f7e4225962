/** Who is logged in, logging in and out. The session itself is the HttpOnly cookie. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, forgetSessionCookie, hasSessionCookie, request } from "./client";
import { ApiError } from "./errors";
import { keys } from "./keys";
import type { User } from "./types";

/** The logged-in user, or null when there is no live session (the API answers 401). */
export function useCurrentUser() {
  return useQuery({
    queryKey: keys.currentUser,
    queryFn: async () => {
      if (!hasSessionCookie()) return null;
      try {
        return await api.get<User>("/current-user");
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 401)) throw err;
        // A session cookie the server no longer honours: say so once, and forget it.
        noteSessionEnded();
        return null;
      }
    },
    staleTime: 60_000,
  });
}

export interface Credentials {
  username: string;
  password: string;
}

/** `POST /login` with the OAuth2 form; the answer sets the session and CSRF cookies. */
export function logIn({ username, password }: Credentials): Promise<unknown> {
  return request("POST", "/login", { form: { grant_type: "password", username, password } });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    // Whatever was cached belonged to no one or to someone else.
    onSuccess: () => client.resetQueries(),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<null>("/logout"),
    onSettled: () => {
      client.removeQueries();
      client.setQueryData(keys.currentUser, null);
    },
  });
}

/**
 * Set when a request finds the session gone, so the login page can say why it is shown. Read once.
 */
let sessionEnded = false;

export function noteSessionEnded(): void {
  sessionEnded = true;
  forgetSessionCookie();
}

export function takeSessionEndedNotice(): boolean {
  const ended = sessionEnded;
  sessionEnded = false;
  return ended;
}
