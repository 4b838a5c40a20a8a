// Helpers the workflows share; nothing generated. The workflows run as
// node scripts: a failed check throws, and the script exits non-zero.

/** check throws with what unless cond holds. */
export function check(cond: boolean, what: string): asserts cond {
  if (!cond) {
    throw new Error("check failed: " + what);
  }
}

/** xmlRoot is the name of an XML document's root element: the first
 * element after the declaration, comments and processing instructions. */
export function xmlRoot(doc: string): string {
  const m = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(doc);
  check(m !== null, "an XML document starts with an element: " + doc.slice(0, 80));
  return m[1] ?? "";
}

/** server reads the server's address and API key from the arguments. */
export function server(): { baseUrl: string; apiKey: string; prefix: string } {
  const [baseUrl, apiKey, prefix] = process.argv.slice(2);
  check(baseUrl !== undefined && apiKey !== undefined && prefix !== undefined,
    "usage: node workflow.js BASE_URL API_KEY ID_PREFIX");
  return { baseUrl, apiKey, prefix };
}

/** run runs a workflow and sets the exit status. */
export function run(name: string, workflow: () => Promise<void>): void {
  workflow().then(
    () => console.log(name + ": workflow passed"),
    (err: unknown) => {
      console.error(name + ": " + (err instanceof Error ? (err.stack ?? err.message) : String(err)));
      process.exitCode = 1;
    },
  );
}
