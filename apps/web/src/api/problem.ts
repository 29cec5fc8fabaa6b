import type { TFunction } from 'i18next';
import type { Problem } from './gaps';

/** Whatever the API answered on failure, as a problem (a network error too). */
export function asProblem(error: unknown, response?: Response): Problem {
  if (error && typeof error === 'object' && 'status' in error && 'title' in error) return error as Problem;
  return {
    type: 'about:blank',
    title: 'Error',
    status: response?.status ?? 0,
    detail: error instanceof Error ? error.message : String(error ?? ''),
  };
}

/** The problem in the user's language: the rule's own message, else the server's words. */
export function problemText(p: Problem, t: TFunction): string {
  if (p.rule && t(p.rule, { ns: 'rules', defaultValue: '' })) return t(p.rule, { ns: 'rules' });
  switch (p.status) {
    case 401:
      return t('problem.unauthorized');
    case 403:
      return t('problem.forbidden');
    case 404:
      return t('problem.notFound');
    case 409:
      return t('problem.conflict');
    default:
      return t('problem.generic', { message: p.detail ?? p.title });
  }
}

/**
 * Messages by the body field they name (`heldOn`, `participants.client`): a rule's `field`,
 * or each `errors[].field` of a validation problem. Fields the form does not show go under ''.
 */
export function fieldMessages(p: Problem, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.errors?.length) {
    for (const e of p.errors) out[e.field] = t('problem.invalid', { message: e.message });
  } else {
    out[p.field ?? ''] = problemText(p, t);
  }
  return out;
}

/** The message for a form field: its own, or one of a field below it (`participants.client` under `participants`). */
export function messageFor(messages: Record<string, string>, field: string): string | undefined {
  if (messages[field]) return messages[field];
  const nested = Object.keys(messages).find((k) => k.startsWith(`${field}.`));
  return nested ? messages[nested] : undefined;
}
