/**
 * ZenML's CLI sends JSON bodies without a Content-Type, and logins are form-encoded: accept
 * both, and parse anything else as JSON so a wrong header still gets a clear 422, not a 415.
 */
import type { FastifyInstance } from "fastify";
import { ValidationFailed } from "../errors.js";

function parseJson(body: string): unknown {
  if (body.trim() === "") return undefined;
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new ValidationFailed(`body: the request body is not valid JSON (${(err as Error).message.slice(0, 200)})`);
  }
}

export function installBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  // A JSON body sent with curl's default form type is still JSON: read it as what it is.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    const text = body as string;
    if (/^\s*[[{]/.test(text)) {
      try {
        done(null, parseJson(text));
      } catch (err) {
        done(err as Error, undefined);
      }
      return;
    }
    done(null, Object.fromEntries(new URLSearchParams(text)));
  });
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, parseJson(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
