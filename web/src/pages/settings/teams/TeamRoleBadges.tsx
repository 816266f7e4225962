/** The roles a team gives, each with where it applies. */
import { Badge, Group, Text } from "@mantine/core";
import type { TeamRoleAssignment } from "../../../api/types";

/** "everywhere" or "in ml-research". */
export function scopeLabel(a: Pick<TeamRoleAssignment, "workspace">): string {
  return a.workspace ? `in ${a.workspace.name}` : "everywhere";
}

export function TeamRoleBadges({ assignments }: { assignments: readonly TeamRoleAssignment[] }) {
  if (assignments.length === 0) return <Text size="sm">No roles</Text>;
  return (
    <Group gap={6}>
      {assignments.map((a) => (
        <Badge key={a.id} variant="light" color="indigo" tt="none">
          {a.role?.name ?? "?"} {scopeLabel(a)}
        </Badge>
      ))}
    </Group>
  );
}
