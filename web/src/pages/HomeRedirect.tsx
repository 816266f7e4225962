/** `/` opens the first settings section the actor may see (Personal is always there). */
import { Navigate } from "react-router";
import { useAbilities } from "../api/abilities";
import { SETTINGS_SECTIONS } from "../components/AppLayout";
import { Loading } from "../components/QueryState";

export function HomeRedirect() {
  const abilities = useAbilities();
  if (abilities.isPending) return <Loading what="your permissions" />;
  const granted = abilities.data?.global;
  const first = SETTINGS_SECTIONS.find((s) => s.ability && granted?.[s.ability]) ?? SETTINGS_SECTIONS[0];
  return <Navigate to={first?.to ?? "/settings/personal"} replace />;
}
