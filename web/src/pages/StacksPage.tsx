/** Stacks: the stacks of the active workspace the user can see; register, share, unshare, delete. */
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useAbilities } from "../api/abilities";
import { useCurrentUser } from "../api/session";
import { useStacks } from "../api/stacks";
import type { Stack, Workspace } from "../api/types";
import { ActionMenu } from "../components/ActionMenu";
import { QueryState } from "../components/QueryState";
import { ScrollTable } from "../components/ScrollTable";
import { WorkspaceScoped } from "../components/WorkspaceScoped";
import { typeLabel } from "./stacks/component-types";
import { RegisterStackModal } from "./stacks/RegisterStackModal";
import { ShareableActionModal, shareableActions, type ShareableAction } from "./stacks/ShareableActionModal";
import { Owner, SharedBadge } from "./stacks/ShareableCells";

type Dialog = { kind: "register"; workspace: Workspace } | { kind: ShareableAction; stack: Stack; workspace: Workspace };

function Components({ stack }: { stack: Stack }) {
  const members = Object.values(stack.components).flat();
  return (
    <Group gap={6}>
      {members.map((c) => (
        <Badge key={c.id} variant="outline" color="gray" tt="none" title={`${typeLabel(c.type)} · ${c.flavor}`}>
          {typeLabel(c.type)}: {c.name}
        </Badge>
      ))}
    </Group>
  );
}

function StacksTable({ workspace, onAction }: { workspace: Workspace; onAction: (dialog: Dialog) => void }) {
  const stacks = useStacks(workspace.id);
  const me = useCurrentUser();
  const abilities = useAbilities({ stacks: stacks.data?.items.map((s) => s.id) });
  return (
    <QueryState query={stacks} what="stacks">
      {(page) => (
        <ScrollTable label={`Stacks in ${workspace.name}`} minWidth={720} columns={["Stack", "Owner", "Shared", "Components"]} actions>
          {page.items.map((stack) => {
            const can = abilities.data?.stacks[stack.id];
            return (
              <Table.Tr key={stack.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {stack.name}
                  </Text>
                  {stack.description && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {stack.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Owner owner={stack.user} me={me.data?.id} />
                </Table.Td>
                <Table.Td>
                  <SharedBadge shared={stack.is_shared} />
                </Table.Td>
                <Table.Td>
                  <Components stack={stack} />
                </Table.Td>
                <Table.Td>
                  <ActionMenu
                    what={`stack ${stack.name}`}
                    actions={shareableActions(can, (kind) => onAction({ kind, stack, workspace }))}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ScrollTable>
      )}
    </QueryState>
  );
}

export function StacksPage() {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <WorkspaceScoped
        title="Stacks"
        description="A stack is the set of components a pipeline runs on. Yours stay private until you share them."
        action={(workspace, can) =>
          can?.create_stack && <Button onClick={() => setDialog({ kind: "register", workspace })}>Register stack</Button>
        }
      >
        {(workspace) => <StacksTable workspace={workspace} onAction={setDialog} />}
      </WorkspaceScoped>
      {dialog?.kind === "register" && <RegisterStackModal workspace={dialog.workspace} onClose={close} />}
      {dialog && dialog.kind !== "register" && (
        <ShareableActionModal
          kind="stacks"
          action={dialog.kind}
          what={`stack ${dialog.stack.name}`}
          id={dialog.stack.id}
          workspace={dialog.workspace.name}
          onClose={close}
        />
      )}
    </>
  );
}
