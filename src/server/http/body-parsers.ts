/**
 * ZenML's CLI sends JSON bodies without a Content-Type, and logins are form-encoded: accept
 * both, and parse anything else as JSON so a wrong header still gets a clear 422, not a 415.
 */
import type { FastifyInstance } from "fastify";
import { ValidationFailed } from "../errors.js";

/**
 * Deeper JSON is refused before it is parsed. JSON.parse copes with any depth, but storing a
 * configuration or spec means JSON.stringify, which recursed past the call stack (a 500) at a few
 * thousand levels; no real document comes near a hundred.
 */
const MAX_DEPTH = 100;

/** Whether brackets outside strings nest deeper than MAX_DEPTH: one pass over the text, no parse. */
function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function parseJson(body: string): unknown {
  if (body.trim() === "") return undefined;
  if (nestsTooDeep(body)) throw new ValidationFailed(`body: JSON nested deeper than ${MAX_DEPTH} levels`);
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
