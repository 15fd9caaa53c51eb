/** Whether `value` is a JSON value of `type`. */
function isParamValue(value: unknown, type: ErrorParamType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
  }
}
