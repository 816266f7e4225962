/** `session list` / `session revoke ID|--all`: your own logins (SPEC §5.1). */
import type { Command } from "commander";
import { path } from "../client.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { addOutputOption, outputFormat } from "../options.js";
import { POINTER, printList, say, type Column } from "../output.js";
import type { WireSession } from "../wire.js";

const SESSION_COLUMNS: Column<WireSession>[] = [
  { header: "CURRENT", value: (s) => (s.current ? POINTER : "") },
  { header: "ID", value: (s) => s.id },
  { header: "CREATED", value: (s) => s.created },
  { header: "LAST_SEEN", value: (s) => s.last_seen },
  { header: "EXPIRES", value: (s) => s.expires },
  { header: "CLIENT", value: (s) => s.client },
  { header: "SOURCE", value: (s) => s.source },
];

export function registerSessionCommands(program: Command, ctx: CliContext): void {
  const session = program.command("session").description("Your sessions (logins)");
  addOutputOption(session.command("list").description("List your live sessions")).action(async (options: { output?: string }) => {
    const sessions = await (await ctx.client()).get<WireSession[]>("/current-user/sessions");
    await printList(sessions, outputFormat(options), SESSION_COLUMNS, "No sessions found.");
  });
  session
    .command("revoke")
    .description("End one of your sessions, or with --all every one but this CLI's")
    .argument("[session_id]", "the session's ID (see 'cohort session list')")
    .option("--all", "end all your other sessions (sign out everywhere else)")
    .action(async (id: string | undefined, options: { all?: boolean }) => {
      if ((id === undefined) === !options.all) throw new UsageError("Give a session ID or --all, not both.");
      const client = await ctx.client();
      if (id === undefined) {
        const others = (await client.get<WireSession[]>("/current-user/sessions")).filter((s) => !s.current).length;
        await client.delete("/current-user/sessions");
        say(`Revoked ${others} other session${others === 1 ? "" : "s"}.`);
        return;
      }
      const target = await client.get<WireSession>(path`/current-user/sessions/${id}`);
      await client.delete(path`/current-user/sessions/${id}`);
      say(`Revoked session '${target.id}'.`);
      if (target.current) say("That was this CLI's session: run 'cohort connect' to log in again.");
    });
}
