/** The centred card of the pages seen before logging in: login, sign-up, an unusable link. */
import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { usePageTitle } from "./PageHeader";
import { Logo } from "./Logo";

interface Props {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

export function AuthCard({ title, description, children }: Props) {
  usePageTitle(title);
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={440}>
        <Group justify="center" mb="lg">
          <Logo />
        </Group>
        <Paper withBorder shadow="sm" radius="md" p={{ base: "lg", sm: "xl" }}>
          <Stack gap="xs" mb="lg">
            <Title order={1} size="h3">
              {title}
            </Title>
            {description && <Text c="dimmed">{description}</Text>}
          </Stack>
          {children}
        </Paper>
      </Box>
    </Center>
  );
}
