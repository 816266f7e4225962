/** Deleting a member for good; what they own (stacks, components, pipelines) goes to someone else. */
import { Select, Text } from "@mantine/core";
import { useState } from "react";
import { useCurrentUser } from "../../../api/session";
import type { User } from "../../../api/types";
import { useActiveUsers, useDeleteUser } from "../../../api/users";
import { FormModal } from "../../../components/FormModal";
import { useMutateAndClose } from "../../../lib/useMutateAndClose";

export function DeleteMemberModal({ user, onClose }: { user: User; onClose: () => void }) {
  const me = useCurrentUser();
  const candidates = useActiveUsers();
  const remove = useDeleteUser();
  const removeAndClose = useMutateAndClose(remove, onClose, () => `${user.name} was deleted.`);
  const [heir, setHeir] = useState<string | null>(null);
  const options = (candidates.data?.items ?? []).filter((u) => u.id !== user.id).map((u) => ({ value: u.name, label: u.name }));
  const submit = () => removeAndClose({ user, transferTo: heir ?? undefined });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Delete ${user.name}?`}
      submitLabel="Delete member"
      danger
      onSubmit={submit}
      pending={remove.isPending}
      error={remove.error}
    >
      <Text size="sm">
        {user.status === "pending"
          ? "Their invitation stops working."
          : "They lose access at once. This cannot be undone; deactivate them instead to keep the account."}
      </Text>
      <Select
        label="Hand what they own to"
        description="Their stacks, components, pipelines and runs."
        placeholder={me.data ? `${me.data.name} (you)` : "You"}
        data={options}
        value={heir}
        onChange={setHeir}
        searchable
        clearable
        nothingFoundMessage="No active member by that name"
        comboboxProps={{ withinPortal: true }}
      />
    </FormModal>
  );
}
