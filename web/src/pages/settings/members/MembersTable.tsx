/** The members list: who, status, roles, teams, since when, and what may be done to each. */
import { Avatar, Group, Stack, Table, Text } from "@mantine/core";
import type { AbilitySet, User, UserAbility } from "../../../api/types";
import { RoleBadges, StatusBadge } from "../../../components/Badges";
import { DateText } from "../../../components/DateText";
import { ActionsHeader, ScrollTable } from "../../../components/ScrollTable";
import { initials } from "../../../components/UserMenu";
import type { MemberDialog } from "./MemberDialogs";
import { MemberActions } from "./MemberActions";

interface Props {
  users: User[];
  abilities: Record<string, AbilitySet<UserAbility>>;
  onAction: (dialog: MemberDialog) => void;
  search: string;
}

export function MembersTable({ users, abilities, onAction, search }: Props) {
  if (users.length === 0) {
    return (
      <Text py="xl" ta="center">
        {search ? `No member's username contains “${search}”.` : "There are no members yet."}
      </Text>
    );
  }
  return (
    <ScrollTable
      label="Members"
      minWidth={720}
      head={
        <Table.Tr>
          <Table.Th>Member</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Roles</Table.Th>
          <Table.Th>Teams</Table.Th>
          <Table.Th>Created</Table.Th>
          <ActionsHeader />
        </Table.Tr>
      }
    >
      {users.map((user) => (
        <Table.Tr key={user.id}>
          <Table.Td>
            <Group gap="sm" wrap="nowrap">
              <Avatar color="blue" radius="xl" size={34} aria-hidden>
                {initials(user)}
              </Avatar>
              <Stack gap={0} miw={0}>
                <Text size="sm" fw={600} truncate>
                  {user.full_name || user.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  @{user.name}
                </Text>
              </Stack>
            </Group>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={user.status} />
          </Table.Td>
          <Table.Td>
            <RoleBadges roles={user.roles} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{user.teams?.map((t) => t.name).join(", ") || "—"}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <DateText value={user.created} />
            </Text>
          </Table.Td>
          <Table.Td>
            <MemberActions user={user} can={abilities[user.id]} onAction={onAction} />
          </Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
