/** What an expired, used, mistyped or forged sign-up link leads to: what happened and what to do. */
import { Button, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { AuthCard } from "../components/AuthCard";

export function InvalidLinkPage() {
  return (
    <AuthCard title="This invitation link is invalid, expired or already used">
      <Stack gap="md">
        <Text>
          Sign-up links work once and only for a limited time. Ask an administrator of this Cohort server for a new link. If you have
          already set your password, log in instead.
        </Text>
        <Button component={Link} to="/login" variant="light">
          Go to the login page
        </Button>
      </Stack>
    </AuthCard>
  );
}
