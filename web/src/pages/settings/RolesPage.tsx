/** Settings → Roles: every role with its permissions; custom roles can be created, edited, deleted. */
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useState } from "react";
import { isBuiltinRoleName } from "../../../../src/core/permissions.js";
import { useAbilities } from "../../api/abilities";
import { useDeleteRole, useRoles } from "../../api/roles";
import type { Role } from "../../api/types";
import { PermissionBadges } from "../../components/Badges";
import { ConfirmDeleteModal } from "../../components/ConfirmDeleteModal";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { RowActions } from "../../components/RowActions";
import { ScrollTable } from "../../components/ScrollTable";
import { RoleModal } from "./roles/RoleModal";

type Dialog = { kind: "create" } | { kind: "edit"; role: Role } | { kind: "delete"; role: Role };

export function RolesPage() {
  const roles = useRoles();
  const abilities = useAbilities({ roles: roles.data?.items.map((r) => r.id) });
  const remove = useDeleteRole();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title="Roles"
        description="A role is a set of permissions; members get roles everywhere or in one workspace."
        actions={abilities.data?.global["roles:create"] && <Button onClick={() => setDialog({ kind: "create" })}>Create role</Button>}
      />
      <QueryState query={roles} what="roles">
        {(page) => (
          <ScrollTable label="Roles" minWidth={520} columns={["Role", "Permissions"]} actions>
            {page.items.map((role) => {
              const can = abilities.data?.roles[role.id];
              return (
                <Table.Tr key={role.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {role.name}
                      </Text>
                      {isBuiltinRoleName(role.name) && (
                        <Badge size="sm" variant="light" color="gray" title="Built-in roles cannot be changed or deleted">
                          Built-in
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <PermissionBadges permissions={role.permissions} />
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      what={`role ${role.name}`}
                      onEdit={can?.update ? () => setDialog({ kind: "edit", role }) : undefined}
                      onDelete={can?.delete ? () => setDialog({ kind: "delete", role }) : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </ScrollTable>
        )}
      </QueryState>
      {dialog?.kind === "create" && <RoleModal onClose={close} />}
      {dialog?.kind === "edit" && <RoleModal role={dialog.role} onClose={close} />}
      {/* The server refuses to delete a role anyone holds, and the dialog shows its message. */}
      {dialog?.kind === "delete" && (
        <ConfirmDeleteModal
          noun="role"
          item={dialog.role}
          mutation={remove}
          message="A role still given to a member or team cannot be deleted: take it away from them first."
          onClose={close}
        />
      )}
    </>
  );
}
