/** A dashboard address that leads nowhere. */
import { Button, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../components/PageHeader";

export function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <PageHeader title="Page not found" />
      <Text>There is nothing at this address. It may have moved, or the link may be mistyped.</Text>
      <Button component={Link} to="/">
        Go to the dashboard
      </Button>
    </Stack>
  );
}
