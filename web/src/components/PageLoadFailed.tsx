/**
 * Shown in place of a page whose code could not be fetched: the connection dropped, or the server
 * was updated since this tab opened and the old build's chunks are gone. A reload fixes both.
 */
import { Alert, Button } from "@mantine/core";

export function PageLoadFailed() {
  return (
    <Alert color="red" title="This page could not be loaded" role="alert" m="md">
      The connection may have dropped, or Cohort was updated since this tab was opened.
      <Button variant="light" color="red" size="xs" mt="sm" display="block" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </Alert>
  );
}
