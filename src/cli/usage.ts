/** A mistake in how qmap was called: the message and the usage are shown, exit code 2. */
export class UsageError extends Error {}
