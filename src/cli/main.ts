/**
 * The `cohort` CLI's entry point (bin/cohort.js runs the compiled file). Every outcome ends here:
 * 0 on success, one `Error: …` line and exit 1 for a failed operation, exit 2 for a usage error,
 * and never a stack trace.
 */
import { CommanderError } from "commander";
import { CliContext } from "./context.js";
import { ApiError, CliError } from "./errors.js";
import { buildProgram } from "./program.js";

function errorLine(message: string): void {
  process.stderr.write(`Error: ${message.replace(/\s*\n\s*/g, " ").trim()}\n`);
}

/** A dead or missing token is fixed by logging in again: say how. */
function loginHint(ctx: CliContext, err: CliError): string {
  const stale = err instanceof ApiError && (err.message === "Invalid authentication credentials" || err.message === "Not authenticated");
  const url = stale ? ctx.stored.url : undefined;
  return url ? ` (run 'cohort connect --url ${url}' to log in again)` : "";
}

/** Runs one command line and returns its exit code. */
async function run(ctx: CliContext, argv: readonly string[]): Promise<number> {
  try {
    await buildProgram(ctx).parseAsync([...argv]);
    return 0;
  } catch (err) {
    // Commander has printed its own message already (see program.ts); help and --version exit 0.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof CliError) {
      errorLine(err.message + loginHint(ctx, err));
      return err.exitCode;
    }
    // Ctrl-C at a prompt.
    if (err instanceof Error && err.name === "ExitPromptError") {
      errorLine("Cancelled.");
      return 130;
    }
    errorLine(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    if (!ctx.keepAlive) await ctx.close().catch(() => undefined);
  }
}

const ctx = new CliContext(process.env);
const code = await run(ctx, process.argv);
// Exit now rather than wait for idle keep-alive sockets; `server start` keeps running.
if (!ctx.keepAlive) process.exit(code);
