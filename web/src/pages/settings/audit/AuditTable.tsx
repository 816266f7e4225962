/**
 * One page of audit events: when, who (and from where), what, to what, how it ended, and the
 * change's summary. A table on wide screens; on phones a list of cards.
 */
import { Badge, Code, Paper, Stack, Table, Text } from "@mantine/core";
import type { AuditEvent, AuditOutcome } from "../../../api/audit";
import { DateText } from "../../../components/DateText";
import { ScrollTable } from "../../../components/ScrollTable";
import { usePhone } from "../../../lib/usePhone";

const OUTCOME_COLORS: Record<AuditOutcome, string> = { success: "green", failure: "orange", denied: "red" };

function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return (
    // Never narrower than its word: a crowded table would otherwise cut it to "SUCCE…".
    <Badge color={OUTCOME_COLORS[outcome] ?? "gray"} variant="light" style={{ minWidth: "max-content" }}>
      {outcome}
    </Badge>
  );
}

const actorOf = (e: AuditEvent) => e.actor_name ?? "anonymous";
const targetOf = (e: AuditEvent) => [e.target_type, e.target_name ?? e.target_id].filter(Boolean).join(" ");

/** The before/after summary as `key: value` pairs; strings without their JSON quotes. */
function detailsOf(e: AuditEvent): string {
  const pairs = Object.entries(e.summary).map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  return pairs.join(", ") || "—";
}

function Source({ event }: { event: AuditEvent }) {
  if (!event.source) return null;
  return (
    <Text size="xs" c="dimmed">
      from {event.source}
    </Text>
  );
}

export function AuditTable({ events, filtered }: { events: AuditEvent[]; filtered: boolean }) {
  const phone = usePhone();
  if (events.length === 0) {
    return (
      <Text py="xl" ta="center">
        {filtered ? "No events match these filters." : "Nothing has been recorded yet."}
      </Text>
    );
  }
  if (phone) {
    return (
      <Stack gap="sm" component="ul" aria-label="Audit events" p={0} m={0} style={{ listStyle: "none" }}>
        {events.map((e) => (
          <Paper component="li" key={e.id} withBorder p="sm" radius="md">
            <Stack gap={4}>
              <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                <Code>{e.action}</Code> {targetOf(e)}
              </Text>
              <Text size="xs" c="dimmed">
                <DateText value={e.created} withSeconds /> · {actorOf(e)}
                {e.source && ` from ${e.source}`}
              </Text>
              <div>
                <OutcomeBadge outcome={e.outcome} />
              </div>
              <Text size="xs" style={{ overflowWrap: "anywhere" }}>
                {detailsOf(e)}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollTable label="Audit events" minWidth={900} columns={["Time", "Actor", "Action", "Target", "Outcome", "Details"]}>
      {events.map((e) => (
        <Table.Tr key={e.id}>
          <Table.Td>
            <Text size="sm" style={{ whiteSpace: "nowrap" }}>
              <DateText value={e.created} withSeconds />
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{actorOf(e)}</Text>
            <Source event={e} />
          </Table.Td>
          <Table.Td>
            <Code>{e.action}</Code>
          </Table.Td>
          <Table.Td>
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {targetOf(e)}
            </Text>
          </Table.Td>
          <Table.Td>
            <OutcomeBadge outcome={e.outcome} />
          </Table.Td>
          <Table.Td>
            <Text size="sm" maw={320} style={{ overflowWrap: "anywhere" }}>
              {detailsOf(e)}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
