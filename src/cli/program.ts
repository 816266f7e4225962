/**
 * The `cohort` command tree. Building it loads only commander and the command modules; each
 * action imports what it needs (server code, tables, prompts) when it runs, so `cohort --help`
 * and remote commands start fast (SPEC §11: a command against a local server within 300 ms).
 */
import { Command } from "commander";
import { VERSION } from "../server/version.js";
import { registerAuditCommands } from "./commands/audit.js";
import { registerComponentCommands } from "./commands/component.js";
import { registerConnectionCommands } from "./commands/connection.js";
import { registerDbCommands } from "./commands/db.js";
import { registerLocalServerCommands } from "./commands/local-server.js";
import { registerPermissionCommands } from "./commands/permission.js";
import { registerPipelineCommands } from "./commands/pipeline.js";
import { registerRoleCommands } from "./commands/role.js";
import { registerServerCommands } from "./commands/server.js";
import { registerSessionCommands } from "./commands/session.js";
import { registerStackCommands } from "./commands/stack.js";
import { registerTeamCommands } from "./commands/team.js";
import { registerUserCommands } from "./commands/user.js";
import { registerWorkspaceCommands } from "./commands/workspace.js";
import type { CliContext } from "./context.js";

/** Commander's own messages, as the one `Error: …` line every failure prints. */
function oneLineError(text: string, write: (s: string) => void): void {
  write(
    `Error: ${text
      .replace(/^error:\s*/i, "")
      .replace(/\s*\n\s*/g, " ")
      .trim()}\n`,
  );
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command("cohort")
    .description(
      "Cohort: users, roles, teams, workspaces, stacks and components of a Cohort server, or of the local store when not connected",
    )
    .version(VERSION, "--version", "print Cohort's version")
    .helpCommand(false)
    .showSuggestionAfterError(true)
    // Set before the commands are added: subcommands inherit both.
    .exitOverride()
    .configureOutput({ outputError: oneLineError });
  registerConnectionCommands(program, ctx);
  registerLocalServerCommands(program, ctx);
  registerServerCommands(program, ctx);
  registerDbCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerPermissionCommands(program, ctx);
  registerRoleCommands(program, ctx);
  registerTeamCommands(program, ctx);
  registerWorkspaceCommands(program, ctx);
  registerStackCommands(program, ctx);
  registerComponentCommands(program, ctx);
  registerPipelineCommands(program, ctx);
  registerSessionCommands(program, ctx);
  registerAuditCommands(program, ctx);
  return program;
}
