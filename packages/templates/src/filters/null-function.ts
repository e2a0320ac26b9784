/** NullFunction.cs: always null; as `#{ | null}` it makes Octostache return null for the whole text. */
export const nullFunction = (): null => null;
