/**
 * Registering a stack from the components the user can see in the active workspace: one per type,
 * an orchestrator and an artifact store required. A shared stack may only hold shared components;
 * the server checks, and its message says what to share first.
 */
import { Checkbox, Select, Textarea } from "@mantine/core";
import { useState } from "react";
import { longText, name as nameSchema } from "../../../../src/core/schemas/common.js";
import { COMPONENT_TYPES, REQUIRED_COMPONENT_TYPES, type ComponentType } from "../../../../src/core/stack-components.js";
import { useComponents } from "../../api/components";
import { useCurrentUser } from "../../api/session";
import { useRegisterStack } from "../../api/stacks";
import type { Workspace } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { Loading } from "../../components/QueryState";
import { fieldError } from "../../lib/validation";
import { typeLabel } from "./component-types";
import { useMutateAndClose } from "../../lib/useMutateAndClose";
import { NameField } from "../../components/NameField";

const isRequired = (type: string) => (REQUIRED_COMPONENT_TYPES as readonly string[]).includes(type);

export function RegisterStackModal({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const me = useCurrentUser();
  const components = useComponents(workspace.id);
  const register = useRegisterStack();
  const registerAndClose = useMutateAndClose(register, onClose, (saved) => `Stack ${saved.name} registered.`);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [shared, setShared] = useState(false);
  const [picked, setPicked] = useState<Partial<Record<ComponentType, string>>>({});
  const [submitted, setSubmitted] = useState(false);
  const available = components.data?.items ?? [];
  // Required types first, then every other type the workspace has a component of.
  const types = COMPONENT_TYPES.filter((t) => isRequired(t) || available.some((c) => c.type === t)).sort(
    (a, b) => Number(isRequired(b)) - Number(isRequired(a)),
  );
  const errors = {
    name: fieldError(nameSchema, name, "Name"),
    description: fieldError(longText, description, "Description"),
    missing: REQUIRED_COMPONENT_TYPES.filter((t) => !picked[t]),
  };

  const submit = () => {
    setSubmitted(true);
    if (errors.name || errors.description || errors.missing.length > 0 || !me.data) return;
    const chosen = Object.entries(picked).filter((entry): entry is [ComponentType, string] => Boolean(entry[1]));
    registerAndClose({
      user: me.data.id,
      workspace: workspace.id,
      name: name.trim(),
      description,
      is_shared: shared,
      components: Object.fromEntries(chosen.map(([type, id]) => [type, [id]])),
    });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Register a stack in ${workspace.name}`}
      submitLabel="Register stack"
      onSubmit={submit}
      pending={register.isPending}
      error={register.error ?? components.error}
    >
      <NameField value={name} onChange={setName} error={submitted && errors.name} />
      <Textarea
        label="Description"
        autosize
        minRows={1}
        maxRows={4}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={submitted && errors.description}
      />
      {components.isPending ? (
        <Loading what="components" />
      ) : (
        types.map((type) => (
          <Select
            key={type}
            label={typeLabel(type)}
            required={isRequired(type)}
            placeholder={isRequired(type) ? "Pick one" : "None"}
            data={available
              .filter((c) => c.type === type)
              .map((c) => ({ value: c.id, label: `${c.name} (${c.is_shared ? "shared" : "private"}, ${c.flavor})` }))}
            value={picked[type] ?? null}
            onChange={(id) => setPicked((all) => ({ ...all, [type]: id ?? undefined }))}
            clearable={!isRequired(type)}
            error={submitted && errors.missing.includes(type) && `Pick an ${typeLabel(type).toLowerCase()}`}
            comboboxProps={{ withinPortal: true }}
          />
        ))
      )}
      <Checkbox
        label="Share with the workspace"
        description={`Everyone who can read ${workspace.name} will see it. A shared stack may only hold shared components.`}
        checked={shared}
        onChange={(e) => setShared(e.currentTarget.checked)}
      />
    </FormModal>
  );
}
