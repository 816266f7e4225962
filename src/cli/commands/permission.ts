/** `permission list`: the permission catalogue the server serves. */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { pythonList, say } from "../output.js";

/** ZenML lists its PermissionType enum in this order; its users know the line by heart. */
const ZENML_ORDER = ["write", "read", "me"];

export function registerPermissionCommands(program: Command, ctx: CliContext): void {
  const permission = program.command("permission").description("Permissions that roles grant");
  permission
    .command("list")
    .description("List the supported permissions")
    .action(async () => {
      const permissions = await (await ctx.client()).get<string[]>("/permissions");
      const rank = (p: string) => (ZENML_ORDER.includes(p) ? ZENML_ORDER.indexOf(p) : ZENML_ORDER.length);
      const ordered = [...permissions].sort((a, b) => rank(a) - rank(b));
      say(`The following permissions are currently supported: ${pythonList(ordered)}`);
    });
}
