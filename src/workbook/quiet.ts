// SheetJS reports what it makes of odd files on the console ("ODS number format may be incorrect: …",
// "Could not parse defined name …"): unstructured lines in the JSON log, and some quote the customer's
// workbook, which logs must never hold. Its calls are synchronous, so silencing the console for the length
// of one call silences nothing else.
export function quietly<T>(call: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => {};
  try {
    return call();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}
