/** Logging in: username and password, then back to where the visitor was going. */
import { Alert, Button, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { useCurrentUser, useLogin, takeSessionEndedNotice } from "../api/session";
import { AuthCard } from "../components/AuthCard";
import { ErrorAlert } from "../components/ErrorAlert";
import { PasswordInput } from "../components/PasswordInput";
import { safeNext } from "../lib/safe-next";

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const login = useLogin();
  const [ended] = useState(takeSessionEndedNotice);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const next = safeNext(params.get("next"));

  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  return (
    <AuthCard title="Log in to Cohort">
      <form onSubmit={submit}>
        <Stack gap="md">
          {ended && !login.error && (
            <Alert color="blue" title="Your session has ended">
              Log in again to continue.
            </Alert>
          )}
          {login.error && <ErrorAlert error={login.error} title="Could not log in" />}
          <TextInput
            label="Username"
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            Log in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
