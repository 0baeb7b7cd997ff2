import type { LocalSchemaChoice, SchemaChoice } from '../api/produce';

/** A local type (plain bytes), not a registry subject (Confluent wire format). */
export function isLocalChoice(choice: SchemaChoice): choice is LocalSchemaChoice {
  return 'local' in choice;
}

/** Whether something is chosen yet: a subject or a local type (the form starts with neither). */
export function isChosen(choice: SchemaChoice | undefined | null): choice is SchemaChoice {
  return Boolean(choice && (isLocalChoice(choice) ? choice.local : choice.subject));
}

/** How messages name the choice: "orders-value", "local web.Click". */
export function choiceLabel(choice: SchemaChoice): string {
  return isLocalChoice(choice) ? `local ${choice.local}` : choice.subject;
}
