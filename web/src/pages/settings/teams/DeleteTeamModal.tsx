/** Deleting a team: its members lose the roles it gave them. */
import { Text } from "@mantine/core";
import { useDeleteTeam } from "../../../api/teams";
import type { Team } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { useToast } from "../../../components/Toaster";

export function DeleteTeamModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const remove = useDeleteTeam();
  const notify = useToast();
  const submit = () =>
    remove.mutate(team, {
      onSuccess: () => {
        notify(`Team ${team.name} deleted.`);
        onClose();
      },
    });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Delete team ${team.name}?`}
      submitLabel="Delete team"
      danger
      onSubmit={submit}
      pending={remove.isPending}
      error={remove.error}
    >
      <Text size="sm">Its {team.users.length} members lose the roles the team gave them; their own roles stay. This cannot be undone.</Text>
    </FormModal>
  );
}
