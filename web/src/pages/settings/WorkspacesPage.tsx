/** Settings → Workspaces: list, create, rename and delete (the `default` workspace stays). */
import { Button, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useAbilities } from "../../api/abilities";
import type { Workspace } from "../../api/types";
import { useDeleteWorkspace, useWorkspaces } from "../../api/workspaces";
import { ConfirmDeleteModal } from "../../components/ConfirmDeleteModal";
import { DateText } from "../../components/DateText";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { RowActions } from "../../components/RowActions";
import { ScrollTable } from "../../components/ScrollTable";
import { WorkspaceModal } from "./workspaces/WorkspaceModal";

type Dialog = { kind: "create" } | { kind: "edit"; workspace: Workspace } | { kind: "delete"; workspace: Workspace };

export function WorkspacesPage() {
  const workspaces = useWorkspaces();
  const abilities = useAbilities({ workspaces: workspaces.data?.items.map((w) => w.id) });
  const remove = useDeleteWorkspace();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title="Workspaces"
        description="Stacks, components and pipelines live in a workspace; roles can be given per workspace."
        actions={
          abilities.data?.global["workspaces:create"] && <Button onClick={() => setDialog({ kind: "create" })}>Create workspace</Button>
        }
      />
      <QueryState query={workspaces} what="workspaces">
        {(page) => (
          <ScrollTable label="Workspaces" minWidth={560} columns={["Workspace", "Description", "Created"]} actions>
            {page.items.map((workspace) => {
              const can = abilities.data?.workspaces[workspace.id];
              return (
                <Table.Tr key={workspace.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {workspace.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {workspace.description || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <DateText value={workspace.created} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      what={`workspace ${workspace.name}`}
                      onEdit={can?.update ? () => setDialog({ kind: "edit", workspace }) : undefined}
                      onDelete={can?.delete ? () => setDialog({ kind: "delete", workspace }) : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </ScrollTable>
        )}
      </QueryState>
      {dialog?.kind === "create" && <WorkspaceModal canRename onClose={close} />}
      {dialog?.kind === "edit" && (
        <WorkspaceModal
          workspace={dialog.workspace}
          canRename={abilities.data?.workspaces[dialog.workspace.id]?.rename ?? false}
          onClose={close}
        />
      )}
      {dialog?.kind === "delete" && (
        <ConfirmDeleteModal
          noun="workspace"
          item={dialog.workspace}
          mutation={remove}
          message="Its stacks, components, pipelines and the roles given in it are deleted with it. This cannot be undone."
          onClose={close}
        />
      )}
    </>
  );
}
