/**
 * Changing a member's global roles. Roles held in one workspace only are listed for context; they
 * are managed with that workspace.
 */
import { Checkbox, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useSetUserRoles, useUserAssignments } from "../../../api/assignments";
import { useRoles } from "../../../api/roles";
import type { User } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { Loading } from "../../../components/QueryState";
import { useMutateAndClose } from "../../../lib/useMutateAndClose";

export function RolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const roles = useRoles();
  const assignments = useUserAssignments(user.id);
  const save = useSetUserRoles();
  const saveAndClose = useMutateAndClose(save, onClose, () => `Roles of ${user.name} saved.`);
  const [picked, setPicked] = useState<string[] | null>(null);
  const global = (assignments.data?.items ?? []).filter((a) => a.workspace === null);
  const scoped = (assignments.data?.items ?? []).filter((a) => a.workspace !== null);
  const chosen = picked ?? global.flatMap((a) => (a.role ? [a.role.id] : []));
  const loading = roles.isPending || assignments.isPending;

  const submit = () => saveAndClose({ userId: user.id, current: global, wanted: chosen });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Roles of ${user.name}`}
      submitLabel="Save roles"
      onSubmit={submit}
      pending={save.isPending}
      error={save.error ?? roles.error ?? assignments.error}
    >
      {loading ? (
        <Loading what="roles" />
      ) : (
        <Checkbox.Group label="Roles in every workspace" value={chosen} onChange={setPicked}>
          <Stack gap="xs" mt="xs">
            {(roles.data?.items ?? []).map((role) => (
              <Checkbox key={role.id} value={role.id} label={role.name} description={role.permissions.join(", ") || "no permissions"} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {scoped.length > 0 && (
        <Text size="sm" c="dimmed">
          Also holds {scoped.map((a) => `${a.role?.name ?? "?"} in ${a.workspace?.name ?? "?"}`).join(", ")}, managed with those workspaces.
        </Text>
      )}
    </FormModal>
  );
}
