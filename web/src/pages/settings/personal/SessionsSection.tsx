/** Where one is logged in, with a button to end any session but the current one, and one to end them all. */
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useEndOtherSessions, useEndSession, useSessions } from "../../../api/me";
import type { Session } from "../../../api/types";
import { DateText } from "../../../components/DateText";
import { formatDateTime } from "../../../lib/dates";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { QueryState } from "../../../components/QueryState";
import { ScrollTable } from "../../../components/ScrollTable";
import { Section } from "../../../components/Section";
import { useToast } from "../../../components/Toaster";

export function SessionsSection() {
  const sessions = useSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const notify = useToast();
  const endSession = (session: Session) => end.mutate(session, { onSuccess: () => notify("Session ended.") });
  const endOtherSessions = () => endOthers.mutate(undefined, { onSuccess: () => notify("Your other sessions were signed out.") });
  return (
    <Section title="Sessions" description="Each login is a session. End one to log that device out.">
      {end.error && <ErrorAlert error={end.error} title="Could not end the session" />}
      {endOthers.error && <ErrorAlert error={endOthers.error} title="Could not sign out the other sessions" />}
      {sessions.data?.some((session) => !session.current) && (
        <Group justify="flex-end" mb="sm">
          <Button size="xs" variant="light" color="red" loading={endOthers.isPending} onClick={endOtherSessions}>
            Sign out other sessions
          </Button>
        </Group>
      )}
      <QueryState query={sessions} what="your sessions">
        {(list) => (
          <ScrollTable label="Your sessions" minWidth={560} columns={["Client", "Address", "Last active", "Expires"]} actions>
            {list.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td maw={260}>
                  <Text size="sm" truncate title={session.client}>
                    {session.client}
                  </Text>
                </Table.Td>
                <Table.Td>{session.source}</Table.Td>
                <Table.Td>
                  <DateText value={session.last_seen} withTime />
                </Table.Td>
                <Table.Td>
                  <DateText value={session.expires} withTime />
                </Table.Td>
                <Table.Td ta="right">
                  {session.current ? (
                    <Badge variant="light" color="green">
                      This session
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      loading={end.isPending && end.variables.id === session.id}
                      onClick={() => endSession(session)}
                      aria-label={`End the session of ${session.client}, last active ${formatDateTime(session.last_seen)}`}
                    >
                      End
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </ScrollTable>
        )}
      </QueryState>
    </Section>
  );
}
