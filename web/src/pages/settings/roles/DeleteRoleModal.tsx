/** Deleting a custom role; the server refuses while anyone holds it, and says so. */
import { Text } from "@mantine/core";
import { useDeleteRole } from "../../../api/roles";
import type { Role } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { useToast } from "../../../components/Toaster";

export function DeleteRoleModal({ role, onClose }: { role: Role; onClose: () => void }) {
  const remove = useDeleteRole();
  const notify = useToast();
  const submit = () =>
    remove.mutate(role, {
      onSuccess: () => {
        notify(`Role ${role.name} deleted.`);
        onClose();
      },
    });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Delete role ${role.name}?`}
      submitLabel="Delete role"
      danger
      onSubmit={submit}
      pending={remove.isPending}
      error={remove.error}
    >
      <Text size="sm">A role still given to a member or team cannot be deleted: take it away from them first.</Text>
    </FormModal>
  );
}
