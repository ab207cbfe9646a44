/** Where a created record comes from in the diagrams and the edge counts. */
export const NEW = "new";

/** An edge's id: `from>to`. */
export const edgeId = (from: string, to: string): string => `${from}>${to}`;
