/** Table cells stacks and components share: who owns one, and whether the workspace sees it. */
import { Badge, Text } from "@mantine/core";

// A badge truncates to fit its cell; a wide neighbouring column must not squeeze it to "SHAR…".
const WHOLE = { minWidth: "max-content" } as const;
import type { User } from "../../api/types";

export function SharedBadge({ shared }: { shared: boolean }) {
  return shared ? (
    <Badge color="green" variant="light" title="Everyone who can read this workspace sees it" style={WHOLE}>
      Shared
    </Badge>
  ) : (
    <Badge color="gray" variant="light" title="Only its owner sees it" style={WHOLE}>
      Private
    </Badge>
  );
}

export function Owner({ owner, me }: { owner: User | null; me: string | undefined }) {
  if (!owner) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
      {owner.name}
      {owner.id === me && " (you)"}
    </Text>
  );
}
