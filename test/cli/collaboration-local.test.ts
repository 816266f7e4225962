/** Teams, stacks, components and the audit log from the CLI in local mode (no server, no login). */
import { after, before, describe } from "node:test";
import { collaborationTests } from "./collaboration.js";
import { cliSandbox, type CliSandbox } from "./harness.js";

describe("cohort CLI collaboration commands in local mode", () => {
  let sandbox: CliSandbox;

  before(async () => {
    sandbox = await cliSandbox();
  });
  after(async () => {
    await sandbox?.remove();
  });

  collaborationTests(() => sandbox);
});
