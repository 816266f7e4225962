/**
 * Every page of the dashboard and its address. The server serves index.html for each of them.
 * Pages load on first visit (lazy-page.ts); the Suspense boundaries are in main.tsx (pages
 * without a session) and RequireSession (inside the frame, which stays while a page loads).
 */
import { createBrowserRouter } from "react-router";
import { lazyPage } from "./lib/lazy-page";

const RequireSession = lazyPage(() => import("./components/RequireSession"), "RequireSession");
const HomeRedirect = lazyPage(() => import("./pages/HomeRedirect"), "HomeRedirect");
const ComponentsPage = lazyPage(() => import("./pages/ComponentsPage"), "ComponentsPage");
const LoginPage = lazyPage(() => import("./pages/LoginPage"), "LoginPage");
const NotFoundPage = lazyPage(() => import("./pages/NotFoundPage"), "NotFoundPage");
const SignupPage = lazyPage(() => import("./pages/SignupPage"), "SignupPage");
const StacksPage = lazyPage(() => import("./pages/StacksPage"), "StacksPage");
const AuditPage = lazyPage(() => import("./pages/settings/AuditPage"), "AuditPage");
const MembersPage = lazyPage(() => import("./pages/settings/MembersPage"), "MembersPage");
const PersonalPage = lazyPage(() => import("./pages/settings/PersonalPage"), "PersonalPage");
const RolesPage = lazyPage(() => import("./pages/settings/RolesPage"), "RolesPage");
const TeamsPage = lazyPage(() => import("./pages/settings/TeamsPage"), "TeamsPage");
const WorkspacesPage = lazyPage(() => import("./pages/settings/WorkspacesPage"), "WorkspacesPage");

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  { path: "/signup", element: <SignupPage /> },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: "stacks", element: <StacksPage /> },
      { path: "components", element: <ComponentsPage /> },
      { path: "settings", element: <HomeRedirect /> },
      { path: "settings/personal", element: <PersonalPage /> },
      { path: "settings/members", element: <MembersPage /> },
      { path: "settings/teams", element: <TeamsPage /> },
      { path: "settings/roles", element: <RolesPage /> },
      { path: "settings/workspaces", element: <WorkspacesPage /> },
      { path: "settings/audit", element: <AuditPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
