/**
 * Request bodies for stack components and stacks (ZenML 0.40's Component/Stack Request and Update
 * models). Strict like every body, but they accept the optional fields ZenML clients send
 * (`connector`, `labels`, `*_spec_path`), so a real client is never refused for them.
 */
import { z } from "zod";
import { COMPONENT_TYPES } from "../stack-components.js";
import { longText, name, text, uuid } from "./common.js";

export const componentType = z.enum(COMPONENT_TYPES, { message: `must be one of ${COMPONENT_TYPES.join(", ")}` });
export const jsonObject = z.record(z.string(), z.unknown());
const labels = z.record(z.string(), z.string());

const componentFields = {
  connector_resource_id: text.nullish(),
  labels: labels.nullish(),
  /** Service connectors do not exist in Cohort: any id given is a 404. */
  connector: uuid.nullish(),
  component_spec_path: z.string().max(1024).nullish(),
};

export const componentCreate = z.strictObject({
  user: uuid,
  workspace: uuid,
  is_shared: z.boolean().optional().default(false),
  name,
  type: componentType,
  flavor: name,
  configuration: jsonObject.optional().default({}),
  ...componentFields,
});
export type ComponentCreate = z.infer<typeof componentCreate>;

/** `user` and `workspace` are accepted (ZenML's CLI repeats them) but never move a component. */
export const componentUpdate = z.strictObject({
  user: uuid.nullish(),
  workspace: uuid.nullish(),
  is_shared: z.boolean().nullish(),
  name: name.nullish(),
  type: componentType.nullish(),
  flavor: name.nullish(),
  configuration: jsonObject.nullish(),
  ...componentFields,
});
export type ComponentUpdate = z.infer<typeof componentUpdate>;

/** `{type: [component id]}`: at most one component per type. */
const stackComponents = z.partialRecord(componentType, z.array(uuid).max(1, "a stack holds one component per type"));

export const stackCreate = z.strictObject({
  user: uuid,
  workspace: uuid,
  is_shared: z.boolean().optional().default(false),
  name,
  description: longText.optional().default(""),
  components: stackComponents.nullish(),
  stack_spec_path: z.string().max(1024).nullish(),
});
export type StackCreate = z.infer<typeof stackCreate>;

export const stackUpdate = z.strictObject({
  user: uuid.nullish(),
  workspace: uuid.nullish(),
  is_shared: z.boolean().nullish(),
  name: name.nullish(),
  description: longText.nullish(),
  components: stackComponents.nullish(),
  stack_spec_path: z.string().max(1024).nullish(),
});
export type StackUpdate = z.infer<typeof stackUpdate>;
