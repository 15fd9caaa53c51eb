/**
 * The value of the property `name` of `value` when `value` is an object that has
 * it as its own (not inherited, as `constructor` is from every object).
 */
function ownValue(value: unknown, name: string): unknown {
  return isObject(value) && Object.hasOwn(value, name)
    ? Reflect.get(value, name)
    : undefined;
}

/**
 * `template` with each `{name}` replaced by the value of the parameter `name` in
 * `params` as `String(value)` writes it, and `{{ "{{" }}` and `{{ "}}" }}` by single braces.
 */
function formatMessage(template: string, params: unknown): string {
  return template.replace(
    /\{\{|\}\}|\{(\w+)\}/g,
    (match: string, name: string | undefined) =>
      name === undefined ? match.charAt(0) : String(ownValue(params, name)),
  );
}

/**
 * The parameters of `info`'s code in `given`, in the order of the spec, without
 * those that are missing or `undefined`.
 */
function paramsOf(
  info: ErrorCodeInfo,
  given: unknown,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const { name } of info.params) {
    const value = ownValue(given, name);
    if (value !== undefined) {
      params[name] = value;
    }
  }
  return params;
}
