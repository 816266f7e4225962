/**
 * The members list: who, status, roles, teams, since when, and what may be done to each. A table
 * on wide screens; on phones a list of cards, so every member's actions stay in reach.
 */
import { Group, Paper, Stack, Table, Text } from "@mantine/core";
import type { AbilitySet, User, UserAbility } from "../../../api/types";
import { RoleBadges, StatusBadge } from "../../../components/Badges";
import { DateText } from "../../../components/DateText";
import { ScrollTable } from "../../../components/ScrollTable";
import { usePhone } from "../../../lib/usePhone";
import type { MemberDialog } from "./MemberDialogs";
import { MemberActions } from "./MemberActions";
import { MemberIdentity } from "./MemberIdentity";

interface Props {
  users: User[];
  abilities: Record<string, AbilitySet<UserAbility>>;
  onAction: (dialog: MemberDialog) => void;
  search: string;
}

const teamsOf = (user: User) => user.teams?.map((t) => t.name).join(", ") || "—";

export function MembersTable({ users, abilities, onAction, search }: Props) {
  const phone = usePhone();
  if (users.length === 0) {
    return (
      <Text py="xl" ta="center">
        {search ? `No member's username contains “${search}”.` : "There are no members yet."}
      </Text>
    );
  }
  if (phone) {
    return (
      <Stack gap="sm" component="ul" aria-label="Members" p={0} m={0} style={{ listStyle: "none" }}>
        {users.map((user) => (
          <Paper component="li" key={user.id} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <MemberIdentity user={user} />
              <MemberActions user={user} can={abilities[user.id]} onAction={onAction} />
            </Group>
            <Group gap="xs" mt="xs">
              <StatusBadge status={user.status} />
              <RoleBadges roles={user.roles} />
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              Teams: {teamsOf(user)} · Created <DateText value={user.created} />
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollTable label="Members" minWidth={720} columns={["Member", "Status", "Roles", "Teams", "Created"]} actions>
      {users.map((user) => (
        <Table.Tr key={user.id}>
          <Table.Td>
            <MemberIdentity user={user} />
          </Table.Td>
          <Table.Td>
            <StatusBadge status={user.status} />
          </Table.Td>
          <Table.Td>
            <RoleBadges roles={user.roles} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{teamsOf(user)}</Text>
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
