/**
 * How `cohort up` logs the CLI in without a password: it opens the local store itself and starts
 * a session for the default user directly, as a login would (SPEC §2). Loaded only by `up`.
 */
export type DefaultUserLogin =
  | { kind: "session"; username: string; token: string }
  /** The default user has no password yet: this one-time link sets it. */
  | { kind: "pending"; username: string; setupLink: string };

export async function loginDefaultUser(env: NodeJS.ProcessEnv, serverUrl: string): Promise<DefaultUserLogin> {
  const [{ loadConfig }, { openRuntime }, { openLocalSession }] = await Promise.all([
    import("../server/config.js"),
    import("../server/runtime.js"),
    import("../server/services/local-session.js"),
  ]);
  // The server's own port, so links point at it unless COHORT_BASE_URL says otherwise.
  const config = loadConfig(env, { port: Number(new URL(serverUrl).port) });
  const runtime = await openRuntime(config);
  try {
    const username = config.defaultUserName;
    if (runtime.setupLink) return { kind: "pending", username, setupLink: runtime.setupLink };
    const session = await openLocalSession(runtime.ctx, runtime.defaultUserId, "cohort up");
    return { kind: "session", username, token: session.access_token };
  } finally {
    await runtime.close();
  }
}
