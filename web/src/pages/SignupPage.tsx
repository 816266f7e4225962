/**
 * Sign-up from an invitation link, and the first-run setup of the default admin (the same link):
 * username prefilled, full name, a new password twice with a strength hint. Success logs the new
 * user in; a link the server refuses shows a page saying so.
 */
import { Button, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { name as nameSchema, text } from "../../../src/core/schemas/common.js";
import { isUnusableLink, readSignupLink, useSignup, type SignupLink } from "../api/signup";
import { AuthCard } from "../components/AuthCard";
import { ErrorAlert } from "../components/ErrorAlert";
import { newPasswordErrors, PasswordFields } from "../components/PasswordFields";
import { usePasswordStrength } from "../lib/password-strength";
import { fieldError } from "../lib/validation";
import { InvalidLinkPage } from "./InvalidLinkPage";

export function SignupPage() {
  const [params] = useSearchParams();
  const link = readSignupLink(params);
  return link ? <SignupForm link={link} /> : <InvalidLinkPage />;
}

function SignupForm({ link }: { link: SignupLink }) {
  const navigate = useNavigate();
  const signup = useSignup();
  const [name, setName] = useState(link.username);
  const [fullName, setFullName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const strength = usePasswordStrength(password, { name, full_name: fullName });

  if (isUnusableLink(signup.error)) return <InvalidLinkPage />;

  const errors = {
    name: fieldError(nameSchema, name, "Username"),
    fullName: fieldError(text, fullName, "Full name"),
    ...newPasswordErrors(password, confirm, strength),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    signup.mutate(
      { link, name: name.trim(), fullName: fullName.trim(), password },
      { onSuccess: () => void navigate("/", { replace: true }) },
    );
  };

  return (
    <AuthCard title="Create your account" description="Choose how you appear to others and set your password.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {signup.error && <ErrorAlert error={signup.error} title="Could not create your account" />}
          <TextInput
            label="Username"
            description="You log in with this name."
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={submitted && errors.name}
          />
          <TextInput
            label="Full name"
            autoComplete="name"
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={submitted && errors.fullName}
          />
          <PasswordFields
            password={password}
            strength={strength}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            passwordError={submitted ? errors.password : null}
            confirmError={submitted ? errors.confirm : null}
          />
          <Button type="submit" loading={signup.isPending} fullWidth>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
