/** Registering a stack component in the active workspace: type, flavor, configuration, shared. */
import { Autocomplete, Checkbox, Select } from "@mantine/core";
import { useState } from "react";
import { name as nameSchema } from "../../../../src/core/schemas/common.js";
import { COMPONENT_TYPES } from "../../../../src/core/stack-components.js";
import { useFlavors, useRegisterComponent } from "../../api/components";
import { useCurrentUser } from "../../api/session";
import type { Workspace } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { fieldError } from "../../lib/validation";
import { ConfigurationFields, configurationOf, type Setting } from "./ConfigurationFields";
import { typeLabel } from "./component-types";
import { useMutateAndClose } from "../../lib/useMutateAndClose";
import { NameField } from "../../components/NameField";

export function RegisterComponentModal({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const me = useCurrentUser();
  const register = useRegisterComponent();
  const registerAndClose = useMutateAndClose(register, onClose, (saved) => `${typeLabel(saved.type)} ${saved.name} registered.`);
  const [name, setName] = useState("");
  const [type, setType] = useState<string>("orchestrator");
  const [flavor, setFlavor] = useState("");
  const [settings, setSettings] = useState<Setting[]>([]);
  const [shared, setShared] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const flavors = useFlavors(type);
  const known = flavors.data?.items ?? [];
  const schemaKeys = Object.keys((known.find((f) => f.name === flavor)?.config_schema.properties as object | undefined) ?? {});
  const configuration = configurationOf(settings);
  const errors = { name: fieldError(nameSchema, name, "Name"), flavor: fieldError(nameSchema, flavor, "Flavor") };

  const submit = () => {
    setSubmitted(true);
    if (errors.name || errors.flavor || configuration.error || !me.data) return;
    registerAndClose({
      user: me.data.id,
      workspace: workspace.id,
      name: name.trim(),
      type: type as (typeof COMPONENT_TYPES)[number],
      flavor: flavor.trim(),
      configuration: configuration.value,
      is_shared: shared,
    });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Register a component in ${workspace.name}`}
      submitLabel="Register component"
      onSubmit={submit}
      pending={register.isPending}
      error={register.error}
    >
      <NameField value={name} onChange={setName} error={submitted && errors.name} />
      <Select
        label="Type"
        required
        data={COMPONENT_TYPES.map((t) => ({ value: t, label: typeLabel(t) }))}
        value={type}
        onChange={(t) => t && setType(t)}
        allowDeselect={false}
        searchable
        comboboxProps={{ withinPortal: true }}
      />
      <Autocomplete
        label="Flavor"
        required
        description={known.length > 0 ? `Known to this server: ${known.map((f) => f.name).join(", ")}` : "Type the flavor's name."}
        data={[...new Set(known.map((f) => f.name))]}
        value={flavor}
        onChange={setFlavor}
        error={submitted && errors.flavor}
        comboboxProps={{ withinPortal: true }}
      />
      <ConfigurationFields
        settings={settings}
        onChange={setSettings}
        suggested={schemaKeys}
        error={submitted ? configuration.error : null}
      />
      <Checkbox
        label="Share with the workspace"
        description={`Everyone who can read ${workspace.name} will see it.`}
        checked={shared}
        onChange={(e) => setShared(e.currentTarget.checked)}
      />
    </FormModal>
  );
}
