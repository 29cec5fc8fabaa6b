/** Methods that change nothing. Every other method is a command. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isReadMethod = (method: string | undefined): boolean => READ_METHODS.has(method ?? 'GET');
