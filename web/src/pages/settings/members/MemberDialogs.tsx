/** Which member dialog is open, and the one component that renders it. */
import type { User } from "../../../api/types";
import type { Invitation } from "../../../api/users";
import { DeactivateModal } from "./DeactivateModal";
import { DeleteMemberModal } from "./DeleteMemberModal";
import { InviteModal } from "./InviteModal";
import { LinkModal } from "./LinkModal";
import { NewLinkModal } from "./NewLinkModal";
import { RolesModal } from "./RolesModal";

export type MemberDialog =
  | { kind: "invite" }
  | { kind: "link"; user: User; link: string; refused?: Invitation["refused"] }
  | { kind: "roles"; user: User }
  | { kind: "new-link"; user: User }
  | { kind: "deactivate"; user: User }
  | { kind: "delete"; user: User };

interface Props {
  dialog: MemberDialog | null;
  onChange: (dialog: MemberDialog | null) => void;
}

export function MemberDialogs({ dialog, onChange }: Props) {
  const close = () => onChange(null);
  switch (dialog?.kind) {
    case "invite":
      return <InviteModal onClose={close} onInvited={({ user, link, refused }) => onChange({ kind: "link", user, link, refused })} />;
    case "link":
      return <LinkModal user={dialog.user} link={dialog.link} refused={dialog.refused} onClose={close} />;
    case "roles":
      return <RolesModal user={dialog.user} onClose={close} />;
    case "new-link":
      return <NewLinkModal user={dialog.user} onClose={close} onLink={(link) => onChange({ kind: "link", user: dialog.user, link })} />;
    case "deactivate":
      return <DeactivateModal user={dialog.user} onClose={close} />;
    case "delete":
      return <DeleteMemberModal user={dialog.user} onClose={close} />;
    default:
      return null;
  }
}
