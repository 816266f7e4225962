/**
 * The roles a team gives its members: revoke one, or give another everywhere or in one workspace.
 * Members get the change on their next request.
 */
import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useRoles } from "../../../api/roles";
import { useAssignTeamRole, useRevokeTeamRole } from "../../../api/teams";
import type { Team, TeamRoleAssignment } from "../../../api/types";
import { useWorkspaces } from "../../../api/workspaces";
import { FormModal } from "../../../components/FormModal";
import { useToast } from "../../../components/Toaster";
import { scopeLabel } from "./TeamRoleBadges";

interface Props {
  team: Team;
  assignments: readonly TeamRoleAssignment[];
  onClose: () => void;
}

/** The scope picker's value for "every workspace". */
const EVERYWHERE = "";

export function TeamRolesModal({ team, assignments, onClose }: Props) {
  const roles = useRoles();
  const workspaces = useWorkspaces();
  const assign = useAssignTeamRole();
  const revoke = useRevokeTeamRole();
  const notify = useToast();
  const [role, setRole] = useState<string | null>(null);
  const [scope, setScope] = useState<string>(EVERYWHERE);
  const [submitted, setSubmitted] = useState(false);

  const submit = () => {
    setSubmitted(true);
    if (!role) return;
    assign.mutate(
      { team: team.id, role, workspace: scope === EVERYWHERE ? null : scope },
      {
        onSuccess: (added) => {
          notify(`Team ${team.name} now holds ${added.role?.name ?? "the role"} ${scopeLabel(added)}.`);
          setRole(null);
          setSubmitted(false);
        },
      },
    );
  };
  const remove = (a: TeamRoleAssignment) =>
    revoke.mutate(a, { onSuccess: () => notify(`Team ${team.name} no longer holds ${a.role?.name ?? "the role"} ${scopeLabel(a)}.`) });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Roles of team ${team.name}`}
      submitLabel="Give role"
      onSubmit={submit}
      pending={assign.isPending}
      error={assign.error ?? revoke.error ?? roles.error ?? workspaces.error}
    >
      <Stack gap="xs" role="list" aria-label={`Roles of team ${team.name}`}>
        {assignments.length === 0 && (
          <Text size="sm" c="dimmed" role="listitem">
            This team gives no roles yet.
          </Text>
        )}
        {assignments.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap" role="listitem">
            <Text size="sm">
              <b>{a.role?.name ?? "?"}</b> {scopeLabel(a)}
            </Text>
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => remove(a)}
              loading={revoke.isPending && revoke.variables?.id === a.id}
              aria-label={`Revoke ${a.role?.name ?? "role"} ${scopeLabel(a)}`}
            >
              Revoke
            </Button>
          </Group>
        ))}
      </Stack>
      <Select
        label="Role to give"
        required
        placeholder="Pick a role"
        data={(roles.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
        value={role}
        onChange={setRole}
        error={submitted && !role && "Pick a role"}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="Where"
        data={[
          { value: EVERYWHERE, label: "Every workspace" },
          ...(workspaces.data?.items ?? []).map((w) => ({ value: w.id, label: `Workspace ${w.name}` })),
        ]}
        value={scope}
        onChange={(value) => setScope(value ?? EVERYWHERE)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
    </FormModal>
  );
}
