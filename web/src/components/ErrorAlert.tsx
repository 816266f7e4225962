/** A failure shown in place: the server's message, and a retry when there is something to retry. */
import { Alert, Button } from "@mantine/core";
import { messageOf } from "../api/errors";

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorAlert({ error, title = "Something went wrong", onRetry }: Props) {
  return (
    <Alert color="red" title={title} role="alert">
      {messageOf(error)}
      {onRetry && (
        <Button variant="light" color="red" size="xs" mt="sm" display="block" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
