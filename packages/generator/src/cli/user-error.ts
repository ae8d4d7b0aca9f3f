/** A mistake the user can fix (bad path, bad option); printed without a stack trace, exit 1. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
