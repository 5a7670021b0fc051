/** A mistake in how an editors' command was called: its message is all the editor sees. */
export class EditError extends Error {
  override name = 'EditError';
}
