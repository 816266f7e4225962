/**
 * Where the login page may send the user afterwards: only paths inside the dashboard. `next` comes
 * from the address bar, so it must never lead to another site; browsers read `//host` and
 * `/\host` as another host.
 */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !/^\/[\\/]/.test(next) ? next : "/";
}
