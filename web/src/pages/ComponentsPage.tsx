/** Components: the stack components of the active workspace the user can see; register, share, delete. */
import { Button, Code, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useAbilities } from "../api/abilities";
import { useComponents } from "../api/components";
import { useCurrentUser } from "../api/session";
import type { Component, Workspace } from "../api/types";
import { ActionMenu } from "../components/ActionMenu";
import { QueryState } from "../components/QueryState";
import { ScrollTable } from "../components/ScrollTable";
import { WorkspaceScoped } from "../components/WorkspaceScoped";
import { typeLabel } from "./stacks/component-types";
import { RegisterComponentModal } from "./stacks/RegisterComponentModal";
import { ShareableActionModal, shareableActions, type ShareableAction } from "./stacks/ShareableActionModal";
import { Owner, SharedBadge } from "./stacks/ShareableCells";

type Dialog = { kind: "register"; workspace: Workspace } | { kind: ShareableAction; component: Component; workspace: Workspace };

function Configuration({ component }: { component: Component }) {
  const entries = Object.entries(component.configuration);
  if (entries.length === 0) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" component="div">
      {entries.map(([key, value]) => (
        <div key={key}>
          <Code>{key}</Code> {typeof value === "string" ? value : JSON.stringify(value)}
        </div>
      ))}
    </Text>
  );
}

function ComponentsTable({ workspace, onAction }: { workspace: Workspace; onAction: (dialog: Dialog) => void }) {
  const components = useComponents(workspace.id);
  const me = useCurrentUser();
  const abilities = useAbilities({ components: components.data?.items.map((c) => c.id) });
  return (
    <QueryState query={components} what="components">
      {(page) => (
        <ScrollTable
          label={`Components in ${workspace.name}`}
          minWidth={760}
          columns={["Component", "Type", "Flavor", "Owner", "Shared", "Configuration"]}
          actions
        >
          {page.items.map((component) => {
            const can = abilities.data?.components[component.id];
            return (
              <Table.Tr key={component.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {component.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{typeLabel(component.type)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{component.flavor}</Text>
                </Table.Td>
                <Table.Td>
                  <Owner owner={component.user} me={me.data?.id} />
                </Table.Td>
                <Table.Td>
                  <SharedBadge shared={component.is_shared} />
                </Table.Td>
                <Table.Td>
                  <Configuration component={component} />
                </Table.Td>
                <Table.Td>
                  <ActionMenu
                    what={`${typeLabel(component.type).toLowerCase()} ${component.name}`}
                    actions={shareableActions(can, (kind) => onAction({ kind, component, workspace }))}
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

export function ComponentsPage() {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <WorkspaceScoped
        title="Components"
        description="Orchestrators, artifact stores and the rest that stacks are made of. Yours stay private until you share them."
        action={(workspace, can) =>
          can?.create_component && <Button onClick={() => setDialog({ kind: "register", workspace })}>Register component</Button>
        }
      >
        {(workspace) => <ComponentsTable workspace={workspace} onAction={setDialog} />}
      </WorkspaceScoped>
      {dialog?.kind === "register" && <RegisterComponentModal workspace={dialog.workspace} onClose={close} />}
      {dialog && dialog.kind !== "register" && (
        <ShareableActionModal
          kind="components"
          action={dialog.kind}
          what={`${typeLabel(dialog.component.type).toLowerCase()} ${dialog.component.name}`}
          id={dialog.component.id}
          workspace={dialog.workspace.name}
          onClose={close}
        />
      )}
    </>
  );
}
