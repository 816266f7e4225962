/** Login (OAuth2 password-grant form) and logout. */
import { z } from "zod";
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH } from "../../../core/device-cookie.js";
import { login, logout } from "../../services/authentication.js";
import { actorOf, csrfTokenFor, CSRF_COOKIE, SESSION_COOKIE } from "../access.js";
import type { RouteModule } from "./index.js";
import { API, typed } from "./shared.js";

const loginForm = z.object({
  username: z.string().max(1024),
  password: z.string().max(1024).optional().default(""),
  grant_type: z.literal("password").optional(),
  scope: z.string().max(1024).optional(),
  client_id: z.string().max(1024).optional(),
  client_secret: z.string().max(1024).optional(),
});

export const authRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  r.post(`${API}/login`, { config: { access: "public" }, schema: { body: loginForm, security: [] } }, async (request, reply) => {
    const cookies = request.headers.cookie ? app.parseCookie(request.headers.cookie) : {};
    const result = await login(
      rt.ctx,
      {
        username: request.body.username,
        password: request.body.password,
        client: String(request.headers["user-agent"] ?? "unknown").slice(0, 255),
        source: request.ip,
        deviceToken: cookies[DEVICE_COOKIE],
      },
      rt.secretKey,
    );
    // The dashboard's session rides in an HttpOnly cookie; API clients use the bearer token.
    const secure = request.protocol === "https";
    const maxAge = result.expires_in;
    // Sent back with the next login only (its path), by this site only (Strict); the CLI keeps it
    // in its config, ZenML's clients ignore it.
    reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
      path: DEVICE_COOKIE_PATH,
      httpOnly: true,
      sameSite: "strict",
      secure,
      maxAge: rt.ctx.config.loginDeviceTtlSeconds,
    });
    reply.setCookie(SESSION_COOKIE, result.access_token, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge });
    reply.setCookie(CSRF_COOKIE, csrfTokenFor(rt.secretKey, result.sessionId), {
      path: "/",
      httpOnly: false,
      sameSite: "lax",
      secure,
      maxAge,
    });
    return { access_token: result.access_token, token_type: result.token_type, expires_in: result.expires_in };
  });

  r.post(`${API}/logout`, { config: { access: "session" } }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.kind === "user") await logout(rt.ctx, actor);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    reply.clearCookie(CSRF_COOKIE, { path: "/" });
    return null;
  });
};
