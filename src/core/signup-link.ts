/**
 * The sign-up link of an invitation or a reset (SPEC §5.3). The server prints it for the default
 * user's first start; the CLI prints it after `user create` and `user deactivate`.
 */
export function signupLink(baseUrl: string, user: { id: string; name: string }, token: string): string {
  const params = new URLSearchParams({ user: user.id, username: user.name, token });
  return `${baseUrl.replace(/\/+$/, "")}/signup?${params.toString()}`;
}
