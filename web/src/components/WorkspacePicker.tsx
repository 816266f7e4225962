/** Chooses the workspace a workspace-scoped page shows (see useActiveWorkspace). */
import { Select } from "@mantine/core";
import type { Workspace } from "../api/types";

interface Props {
  workspaces: readonly Workspace[];
  active: Workspace | undefined;
  onChange: (name: string) => void;
}

export function WorkspacePicker({ workspaces, active, onChange }: Props) {
  return (
    <Select
      label="Workspace"
      data={workspaces.map((w) => w.name)}
      value={active?.name ?? null}
      onChange={(name) => name && onChange(name)}
      allowDeselect={false}
      searchable={workspaces.length > 8}
      w={200}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
