/** Creating or editing a custom role: its name and permissions from the server's catalogue. */
import { Checkbox, Stack } from "@mantine/core";
import { useState } from "react";
import { name as nameSchema } from "../../../../../src/core/schemas/common.js";
import { usePermissions, useSaveRole } from "../../../api/roles";
import type { Permission, Role } from "../../../api/types";
import { PERMISSION_TEXT } from "../../../components/Badges";
import { FormModal } from "../../../components/FormModal";
import { fieldError } from "../../../lib/validation";
import { useMutateAndClose } from "../../../lib/useMutateAndClose";
import { NameField } from "../../../components/NameField";

export function RoleModal({ role, onClose }: { role?: Role; onClose: () => void }) {
  const catalogue = usePermissions();
  const save = useSaveRole();
  const saveAndClose = useMutateAndClose(save, onClose, (saved) => `Role ${saved.name} saved.`);
  const [name, setName] = useState(role?.name ?? "");
  const [permissions, setPermissions] = useState<string[]>(role?.permissions ?? []);
  const [submitted, setSubmitted] = useState(false);
  const nameError = fieldError(nameSchema, name, "Name");

  const submit = () => {
    setSubmitted(true);
    if (nameError) return;
    saveAndClose({ id: role?.id, name: name.trim(), permissions: permissions as Permission[] });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={role ? `Edit role ${role.name}` : "Create a role"}
      submitLabel={role ? "Save role" : "Create role"}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error ?? catalogue.error}
    >
      <NameField value={name} onChange={setName} error={submitted && nameError} />
      <Checkbox.Group label="Permissions" value={permissions} onChange={setPermissions}>
        <Stack gap="xs" mt="xs">
          {(catalogue.data ?? []).map((p) => (
            <Checkbox key={p} value={p} label={p} description={PERMISSION_TEXT[p]} />
          ))}
        </Stack>
      </Checkbox.Group>
    </FormModal>
  );
}
