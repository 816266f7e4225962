/**
 * Asking for what a command line left out. @inquirer/prompts throws without a terminal, so every
 * prompt has a flag (or `--password-stdin`) alternative, and without a TTY a missing value is a
 * usage error that names that flag.
 */
import { UsageError } from "./errors.js";

export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY);
}

let stdinLines: Promise<string[]> | undefined;

/** The lines of standard input, read once to its end (`--password-stdin`). */
function readStdinLines(): Promise<string[]> {
  return (stdinLines ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/);
  })());
}

let consumed = 0;

/** The next line of standard input; the first call reads it all. */
export async function nextStdinLine(what: string): Promise<string> {
  const lines = await readStdinLines();
  const line = lines[consumed++];
  if (line === undefined || (line === "" && consumed >= lines.length))
    throw new UsageError(`--password-stdin: standard input has no line for the ${what}.`);
  return line;
}

export interface Ask {
  /** What is asked for, as the prompt and the error name it. */
  message: string;
  /** The flag that gives it without a prompt. */
  flag: string;
  secret?: boolean;
  default?: string;
}

/** Prompts on a terminal; without one, a usage error naming the flag to use instead. */
export async function ask(question: Ask): Promise<string> {
  if (!canPrompt())
    throw new UsageError(
      `${question.message} is required: give ${question.flag} (standard input is not a terminal, so there is no prompt).`,
    );
  const prompts = await import("@inquirer/prompts");
  if (question.secret) return prompts.password({ message: `${question.message}:`, mask: "*" });
  return prompts.input({ message: `${question.message}:`, default: question.default, required: true });
}

/** Asks before something that cannot be undone; without a terminal, `yesFlag` must say yes. */
export async function confirm(message: string, yesFlag: string): Promise<boolean> {
  if (!canPrompt())
    throw new UsageError(`${message} Give ${yesFlag} to confirm (standard input is not a terminal, so there is no prompt).`);
  const prompts = await import("@inquirer/prompts");
  return prompts.confirm({ message, default: false });
}
