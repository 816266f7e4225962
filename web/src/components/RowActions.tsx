/** Edit and Delete buttons at the end of a table row; either is left out when not allowed. */
import { Button, Group } from "@mantine/core";

interface Props {
  /** What the row is, for the buttons' accessible names ("role auditor"). */
  what: string;
  onEdit?: () => void;
  onDelete?: () => void;
}

export function RowActions({ what, onEdit, onDelete }: Props) {
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      {onEdit && (
        <Button size="xs" variant="light" onClick={onEdit} aria-label={`Edit ${what}`}>
          Edit
        </Button>
      )}
      {onDelete && (
        <Button size="xs" variant="light" color="red" onClick={onDelete} aria-label={`Delete ${what}`}>
          Delete
        </Button>
      )}
    </Group>
  );
}
