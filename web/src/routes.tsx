/** Every page of the dashboard and its address. The server serves index.html for each of them. */
import { createBrowserRouter } from "react-router";
import { RequireSession } from "./components/RequireSession";
import { HomeRedirect } from "./pages/HomeRedirect";
import { ComponentsPage } from "./pages/ComponentsPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SignupPage } from "./pages/SignupPage";
import { StacksPage } from "./pages/StacksPage";
import { AuditPage } from "./pages/settings/AuditPage";
import { MembersPage } from "./pages/settings/MembersPage";
import { PersonalPage } from "./pages/settings/PersonalPage";
import { RolesPage } from "./pages/settings/RolesPage";
import { TeamsPage } from "./pages/settings/TeamsPage";
import { WorkspacesPage } from "./pages/settings/WorkspacesPage";

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
