/** Accepting an invitation (or the first-run setup link): activate, then log in. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { ApiError } from "./errors";
import { logIn } from "./session";
import type { User } from "./types";

export interface SignupLink {
  userId: string;
  username: string;
  token: string;
}

/** A link's parts, or null when it cannot be a sign-up link at all (nothing to send). */
export function readSignupLink(params: URLSearchParams): SignupLink | null {
  const userId = params.get("user") ?? "";
  const token = params.get("token") ?? "";
  if (!userId || !/^[0-9a-f]{64}$/i.test(token)) return null;
  return { userId, username: params.get("username") ?? "", token };
}

/** Every failure of the token is the same 401 (SPEC §5.3): invalid, expired or used. */
export function isUnusableLink(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}

export interface Signup {
  link: SignupLink;
  name: string;
  fullName: string;
  password: string;
}

export function useSignup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ link, name, fullName, password }: Signup) => {
      const user = await api.put<User>(`/users/${encodeURIComponent(link.userId)}/activate`, {
        activation_token: link.token,
        password,
        full_name: fullName,
        ...(name !== link.username ? { name } : {}),
      });
      await logIn({ username: user.name, password });
      return user;
    },
    onSuccess: () => client.resetQueries(),
  });
}
