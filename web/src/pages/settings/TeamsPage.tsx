/** Settings → Teams: teams with their members and the roles they give; create, edit, delete. */
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useAbilities } from "../../api/abilities";
import { useDeleteTeam, useTeamAssignments, useTeams } from "../../api/teams";
import type { Team, TeamRoleAssignment } from "../../api/types";
import { ActionMenu } from "../../components/ActionMenu";
import { ConfirmDeleteModal } from "../../components/ConfirmDeleteModal";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { TeamModal } from "./teams/TeamModal";
import { TeamRoleBadges } from "./teams/TeamRoleBadges";
import { TeamRolesModal } from "./teams/TeamRolesModal";

type Dialog = { kind: "create" } | { kind: "edit" | "roles" | "delete"; team: Team };

function Members({ team }: { team: Team }) {
  if (team.users.length === 0) return <Text size="sm">No members</Text>;
  return (
    <Group gap={6}>
      {team.users.map((u) => (
        <Badge key={u.id} variant="outline" color="gray" tt="none" title={u.full_name || undefined}>
          {u.name}
        </Badge>
      ))}
    </Group>
  );
}

export function TeamsPage() {
  const teams = useTeams();
  const assignments = useTeamAssignments();
  const abilities = useAbilities({ teams: teams.data?.items.map((t) => t.id) });
  const remove = useDeleteTeam();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const rolesOf = (team: Team): TeamRoleAssignment[] => (assignments.data?.items ?? []).filter((a) => a.team?.id === team.id);
  const canOf = (team: Team) => abilities.data?.teams[team.id];
  return (
    <>
      <PageHeader
        title="Teams"
        description="A team's members get every role given to the team, everywhere or in one workspace."
        actions={abilities.data?.global["teams:create"] && <Button onClick={() => setDialog({ kind: "create" })}>Create team</Button>}
      />
      <QueryState query={teams} what="teams">
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">No teams yet.</Text>
          ) : (
            <ScrollTable label="Teams" minWidth={520} columns={["Team", "Members", "Roles"]} actions>
              {page.items.map((team) => {
                const can = canOf(team);
                return (
                  <Table.Tr key={team.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {team.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Members team={team} />
                    </Table.Td>
                    <Table.Td>
                      {assignments.isError ? <Text size="sm">Could not load roles</Text> : <TeamRoleBadges assignments={rolesOf(team)} />}
                    </Table.Td>
                    <Table.Td>
                      <ActionMenu
                        what={`team ${team.name}`}
                        actions={[
                          (can?.update || can?.edit_members) && { label: "Edit…", onClick: () => setDialog({ kind: "edit", team }) },
                          can?.edit_roles && { label: "Roles…", onClick: () => setDialog({ kind: "roles", team }) },
                          can?.delete && { label: "Delete…", danger: true, onClick: () => setDialog({ kind: "delete", team }) },
                        ]}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </ScrollTable>
          )
        }
      </QueryState>
      {dialog?.kind === "create" && <TeamModal canRename canEditMembers onClose={close} />}
      {dialog?.kind === "edit" && (
        <TeamModal
          team={dialog.team}
          canRename={canOf(dialog.team)?.update ?? false}
          canEditMembers={canOf(dialog.team)?.edit_members ?? false}
          onClose={close}
        />
      )}
      {dialog?.kind === "roles" && <TeamRolesModal team={dialog.team} assignments={rolesOf(dialog.team)} onClose={close} />}
      {dialog?.kind === "delete" && (
        <ConfirmDeleteModal
          noun="team"
          item={dialog.team}
          mutation={remove}
          message={`Its ${dialog.team.users.length} members lose the roles the team gave them; their own roles stay. This cannot be undone.`}
          onClose={close}
        />
      )}
    </>
  );
}
