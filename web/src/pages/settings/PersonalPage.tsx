/** Settings → Personal: one's own profile, password and sessions. */
import { Stack } from "@mantine/core";
import { useAbilities } from "../../api/abilities";
import { useCurrentUser } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { PasswordSection } from "./personal/PasswordSection";
import { ProfileSection } from "./personal/ProfileSection";
import { SessionsSection } from "./personal/SessionsSection";

export function PersonalPage() {
  const me = useCurrentUser();
  const abilities = useAbilities();
  return (
    <>
      <PageHeader title="Personal settings" description="Your profile, your password and where you are logged in." />
      <QueryState query={abilities} what="your permissions">
        {({ global }) => (
          <Stack gap="lg" maw={720}>
            {me.data && <ProfileSection user={me.data} canEdit={global.me} canRename={global["me:rename"]} />}
            {global.me && <PasswordSection />}
            <SessionsSection />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
