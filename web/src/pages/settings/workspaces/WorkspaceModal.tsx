/** Creating a workspace, or renaming one and changing its description. */
import { Textarea } from "@mantine/core";
import { useState } from "react";
import { longText, name as nameSchema } from "../../../../../src/core/schemas/common.js";
import type { Workspace } from "../../../api/types";
import { useSaveWorkspace } from "../../../api/workspaces";
import { FormModal } from "../../../components/FormModal";
import { fieldError } from "../../../lib/validation";
import { useMutateAndClose } from "../../../lib/useMutateAndClose";
import { NameField } from "../../../components/NameField";

interface Props {
  workspace?: Workspace;
  /** False for `default`, whose name is fixed; the server's abilities say so. */
  canRename: boolean;
  onClose: () => void;
}

export function WorkspaceModal({ workspace, canRename, onClose }: Props) {
  const save = useSaveWorkspace();
  const saveAndClose = useMutateAndClose(save, onClose, (saved) => `Workspace ${saved.name} saved.`);
  const [name, setName] = useState(workspace?.name ?? "");
  const [description, setDescription] = useState(workspace?.description ?? "");
  const [submitted, setSubmitted] = useState(false);
  const errors = { name: fieldError(nameSchema, name, "Name"), description: fieldError(longText, description, "Description") };

  const submit = () => {
    setSubmitted(true);
    if (errors.name || errors.description) return;
    saveAndClose({ id: workspace?.id, description, ...(canRename ? { name: name.trim() } : {}) });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={workspace ? `Edit workspace ${workspace.name}` : "Create a workspace"}
      submitLabel={workspace ? "Save workspace" : "Create workspace"}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
    >
      <NameField
        value={name}
        onChange={setName}
        readOnly={!canRename}
        description={canRename ? undefined : "This workspace's name cannot be changed."}
        error={submitted && errors.name}
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxRows={6}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={submitted && errors.description}
      />
    </FormModal>
  );
}
