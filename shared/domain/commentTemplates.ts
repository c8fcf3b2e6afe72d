// Comment templates: placeholders in single braces, filled when the template is picked.
// {account} = the account's name, {accountNo}, {agent} = the person writing (their display
// name, the login name when the directory has none), {date} = today in the chosen locale.
// Unknown placeholders are left as typed so a mistake stays visible.

export interface TemplateValues {
  account: string;
  accountNo: string;
  agent: string;
  date: string;
}

export const TEMPLATE_PLACEHOLDERS = ['account', 'accountNo', 'agent', 'date'] as const;

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key as keyof TemplateValues] : whole,
  );
}
