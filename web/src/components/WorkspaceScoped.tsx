/**
 * The frame of a page about one workspace's contents (stacks, components): the title, the
 * workspace picker, the page's main action, then the content for the active workspace.
 */
import { Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useAbilities } from "../api/abilities";
import type { AbilitySet, Workspace, WorkspaceAbility } from "../api/types";
import { useActiveWorkspace } from "../lib/useActiveWorkspace";
import { PageHeader } from "./PageHeader";
import { QueryState } from "./QueryState";
import { WorkspacePicker } from "./WorkspacePicker";

interface Props {
  title: string;
  description: ReactNode;
  /** The main action, given what the user may do in the active workspace. */
  action: (ws: Workspace, can: AbilitySet<WorkspaceAbility> | undefined) => ReactNode;
  children: (ws: Workspace) => ReactNode;
}

export function WorkspaceScoped({ title, description, action, children }: Props) {
  const { workspaces, active, choose } = useActiveWorkspace();
  const abilities = useAbilities({ workspaces: active ? [active.id] : [] });
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          active && (
            <Group gap="sm" align="flex-end">
              <WorkspacePicker workspaces={workspaces.data?.items ?? []} active={active} onChange={choose} />
              {action(active, abilities.data?.workspaces[active.id])}
            </Group>
          )
        }
      />
      <QueryState query={workspaces} what="workspaces">
        {() => (active ? children(active) : <Text c="dimmed">You cannot see any workspace.</Text>)}
      </QueryState>
    </>
  );
}
