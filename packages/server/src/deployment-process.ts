import { randomUUID } from "node:crypto";
import type { DeploymentAction, DeploymentStep, PackageReference } from "./deploy-resources";
import { bindString, field, isObject, type JsonObject } from "./model-binding";

/** A process's steps as a PUT body gives them, or the problems found (the server's 400 `Errors`). */
export function bindSteps(
  body: JsonObject,
  feedExists: (feedId: string) => boolean,
): { steps: DeploymentStep[] } | { errors: string[] } {
  const errors: string[] = [];
  const rawSteps = field(body, "Steps");
  if (!Array.isArray(rawSteps)) return { errors: ["Steps must be an array of steps."] };
  const steps = rawSteps.filter(isObject).map((raw, index) => bindStep(raw, index, feedExists, errors));
  const names = steps.flatMap((step) => step.Actions.map((action) => action.Name.toLowerCase()));
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) errors.push(`Action names must be unique; '${repeated}' is used twice.`);
  return errors.length > 0 ? { errors } : { steps };
}

function bindStep(
  raw: JsonObject,
  index: number,
  feedExists: (feedId: string) => boolean,
  errors: string[],
): DeploymentStep {
  const name = bindString(raw, "Name", errors) ?? "";
  if (name.trim() === "") errors.push(`Step ${index + 1} needs a Name.`);
  const rawActions = field(raw, "Actions");
  const actions = (Array.isArray(rawActions) ? rawActions : []).filter(isObject);
  return {
    Id: bindString(raw, "Id", errors) ?? randomUUID(),
    Name: name,
    Properties: objectField(raw, "Properties"),
    // A step without actions is one action of the step's own name, as the web UI creates them.
    Actions: (actions.length === 0 ? [{ Name: name }] : actions).map((action) =>
      bindAction(action, name, feedExists, errors),
    ),
  };
}

function bindAction(
  raw: JsonObject,
  stepName: string,
  feedExists: (feedId: string) => boolean,
  errors: string[],
): DeploymentAction {
  const name = bindString(raw, "Name", errors) || stepName;
  const rawPackages = field(raw, "Packages");
  const packages = (Array.isArray(rawPackages) ? rawPackages : [])
    .filter(isObject)
    .map((entry): PackageReference => {
      const packageId = bindString(entry, "PackageId", errors) ?? "";
      const feedId = bindString(entry, "FeedId", errors) ?? "";
      if (packageId.trim() === "") errors.push(`A package of action '${name}' needs a PackageId.`);
      if (!feedExists(feedId)) errors.push(`The feed '${feedId}' of action '${name}' does not exist.`);
      return {
        Id: bindString(entry, "Id", errors) ?? randomUUID(),
        Name: bindString(entry, "Name", errors) ?? "",
        PackageId: packageId,
        FeedId: feedId,
        AcquisitionLocation: bindString(entry, "AcquisitionLocation", errors) ?? "Server",
        Properties: objectField(entry, "Properties") as Record<string, string>,
      };
    });
  return {
    Id: bindString(raw, "Id", errors) ?? randomUUID(),
    Name: name,
    ActionType: bindString(raw, "ActionType", errors) ?? "Octopus.Script",
    IsDisabled: field(raw, "IsDisabled") === true,
    Packages: packages,
    Properties: objectField(raw, "Properties"),
  };
}

function objectField(object: JsonObject, name: string): Record<string, unknown> {
  const value = field(object, name);
  return isObject(value) ? value : {};
}

/** The package reference a release's selected package names: the action's primary one when the name is empty. */
export function findPackageReference(
  steps: DeploymentStep[],
  actionName: string,
  referenceName: string | null,
): PackageReference | undefined {
  const action = steps
    .flatMap((step) => step.Actions)
    .find((candidate) => candidate.Name.toLowerCase() === actionName.toLowerCase());
  const wanted = (referenceName ?? "").toLowerCase();
  return action?.Packages.find((reference) => reference.Name.toLowerCase() === wanted);
}

/** Every enabled action's packages, with the action that acquires each. */
export function packageReferences(
  steps: DeploymentStep[],
): { action: DeploymentAction; reference: PackageReference }[] {
  return steps.flatMap((step) =>
    step.Actions.filter((action) => !action.IsDisabled).flatMap((action) =>
      action.Packages.map((reference) => ({ action, reference })),
    ),
  );
}
