// The benchmarks' command-line options: `--name value`.
const args = process.argv.slice(2);

export function option(name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export const numberOption = (name: string, def: number): number => Number(option(name) ?? def);
