/** Deleting a workspace and everything in it. */
import { Text } from "@mantine/core";
import type { Workspace } from "../../../api/types";
import { useDeleteWorkspace } from "../../../api/workspaces";
import { FormModal } from "../../../components/FormModal";
import { useToast } from "../../../components/Toaster";

export function DeleteWorkspaceModal({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const remove = useDeleteWorkspace();
  const notify = useToast();
  const submit = () =>
    remove.mutate(workspace, {
      onSuccess: () => {
        notify(`Workspace ${workspace.name} deleted.`);
        onClose();
      },
    });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Delete workspace ${workspace.name}?`}
      submitLabel="Delete workspace"
      danger
      onSubmit={submit}
      pending={remove.isPending}
      error={remove.error}
    >
      <Text size="sm">Its stacks, components, pipelines and the roles given in it are deleted with it. This cannot be undone.</Text>
    </FormModal>
  );
}
