/**
 * Local mode (SPEC §1): no server. The CLI opens the local store in-process and hands each request
 * to the same fastify app a server would run, through `inject`, acting as the default user with no
 * permission checks. The server code is imported here only, lazily, so remote commands never load it.
 */
import { flatHeaders, type Transport } from "./transport.js";

export async function localTransport(env: NodeJS.ProcessEnv): Promise<Transport> {
  const [{ loadConfig }, { openRuntime }, { buildApp }] = await Promise.all([
    import("../server/config.js"),
    import("../server/runtime.js"),
    import("../server/http/app.js"),
  ]);
  // The server's own warnings (a dependency's deprecation notice) belong in a server log; in a CLI
  // command they would break the promise that stdout/stderr carry only results and one error line.
  process.removeAllListeners("warning");
  const config = loadConfig(env);
  // A pending default user's setup link belongs to whichever server printed it: leave it alone.
  const runtime = await openRuntime(config, { issueSetupLink: false });
  const localActor = { kind: "local", id: runtime.defaultUserId, name: config.defaultUserName, source: "local" } as const;
  const app = await buildApp(runtime, { localActor }).catch(async (err: unknown) => {
    await runtime.close();
    throw err;
  });
  return {
    mode: "local",
    async send(request) {
      const response = await app.inject({ method: request.method, url: request.url, headers: request.headers, payload: request.body });
      return { status: response.statusCode, text: response.body, headers: flatHeaders(response.headers) };
    },
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}
