/**
 * The sign-up link of an invitation or a reset (SPEC §5.3). Only the server knows its public base
 * URL (COHORT_BASE_URL), so it builds the link: it prints the default user's setup link, and it
 * sends the link of a fresh token in the SIGNUP_LINK_HEADER of the answer that carries the token,
 * which the dashboard and the CLI show as they got it.
 */
export function signupLink(baseUrl: string, user: { id: string; name: string }, token: string): string {
  const params = new URLSearchParams({ user: user.id, username: user.name, token });
  return `${baseUrl.replace(/\/+$/, "")}/signup?${params.toString()}`;
}

/**
 * Carries the link beside a `POST /users` or `PUT /users/{id}/deactivate` answer: the body keeps
 * ZenML's user shape, which has no place for it.
 */
export const SIGNUP_LINK_HEADER = "x-cohort-signup-link";
