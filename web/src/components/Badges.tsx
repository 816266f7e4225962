/** The small labels the tables use: a user's status, role names, permissions. */
import { Badge, Group, Text } from "@mantine/core";
import type { Permission, Role, UserStatus } from "../api/types";

const STATUS: Record<UserStatus, { label: string; color: string }> = {
  active: { label: "Active", color: "green" },
  pending: { label: "Pending", color: "orange" },
  deactivated: { label: "Deactivated", color: "gray" },
};

export function StatusBadge({ status }: { status: UserStatus | undefined }) {
  const { label, color } = STATUS[status ?? "active"];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

/** What each permission lets its holder do (SPEC §3), for tooltips and the role form. */
export const PERMISSION_TEXT: Record<Permission, string> = {
  read: "See everything visible in scope",
  write: "Create, change and delete in scope, including users and roles",
  me: "Edit one's own profile and password",
};

export function PermissionBadges({ permissions }: { permissions: readonly Permission[] }) {
  if (permissions.length === 0) return <Text size="sm">No permissions</Text>;
  return (
    <Group gap={6}>
      {permissions.map((p) => (
        <Badge key={p} variant="outline" color="blue" title={PERMISSION_TEXT[p]}>
          {p}
        </Badge>
      ))}
    </Group>
  );
}

export function RoleBadges({ roles }: { roles: readonly Pick<Role, "id" | "name">[] | null }) {
  if (!roles || roles.length === 0) return <Text size="sm">No roles</Text>;
  return (
    <Group gap={6}>
      {roles.map((role) => (
        <Badge key={role.id} variant="light" color="indigo" tt="none">
          {role.name}
        </Badge>
      ))}
    </Group>
  );
}
