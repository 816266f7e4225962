/** Table cells stacks and components share: who owns one, and whether the workspace sees it. */
import { Badge, Text } from "@mantine/core";
import type { User } from "../../api/types";

export function SharedBadge({ shared }: { shared: boolean }) {
  return shared ? (
    <Badge color="green" variant="light" title="Everyone who can read this workspace sees it">
      Shared
    </Badge>
  ) : (
    <Badge color="gray" variant="light" title="Only its owner sees it">
      Private
    </Badge>
  );
}

export function Owner({ owner, me }: { owner: User | null; me: string | undefined }) {
  if (!owner) return <Text size="sm">—</Text>;
  return (
    <Text size="sm">
      {owner.name}
      {owner.id === me && " (you)"}
    </Text>
  );
}
