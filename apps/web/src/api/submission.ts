import { useState } from 'react';
import type { Problem } from './gaps';
import { asProblem } from './problem';

type Answer = { data?: unknown; error?: unknown; response: Response };

/**
 * One write from a form: busy while it runs; a refusal is kept as the problem (its messages
 * go beside the fields it names and follow a change of language); success clears it.
 */
export function useSubmission() {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const send = async <T>(request: () => Promise<Answer>): Promise<T | undefined> => {
    setBusy(true);
    const { data, error, response } = await request();
    setBusy(false);
    if (error || !response.ok) {
      setProblem(asProblem(error, response));
      return undefined;
    }
    setProblem(undefined);
    return data as T;
  };
  return { problem, setProblem, busy, send };
}
