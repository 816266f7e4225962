/**
 * Guards the logged-in pages: without a live session the visitor goes to the login page, which
 * brings them back here afterwards.
 */
import { Center } from "@mantine/core";
import { Suspense } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { useCurrentUser } from "../api/session";
import { AppLayout } from "./AppLayout";
import { ErrorAlert } from "./ErrorAlert";
import { Loading } from "./QueryState";

export function RequireSession() {
  const me = useCurrentUser();
  const location = useLocation();
  if (me.isPending) return <Loading what="your account" />;
  if (me.isError) {
    return (
      <Center component="main" p="md" mih="100vh">
        <ErrorAlert error={me.error} title="Could not reach the server" onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <AppLayout user={me.data}>
      <Suspense fallback={<Loading what="the page" />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}
