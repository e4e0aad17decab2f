import { useEffect, useState } from 'react';
import type { BodyOf, ApiClient, Routes } from '@pc/core/api';
import type { SmartResult } from './smart-hints.tsx';

export type SmartDraft = BodyOf<Routes['objectives.smartCheck']>;

/** Asks the server which SMART letters a draft misses, once typing pauses. */
export const useSmartCheck = (api: ApiClient, draft: SmartDraft, delayMs = 600) => {
  const [result, setResult] = useState<SmartResult | null>(null);
  const [checking, setChecking] = useState(false);
  const key = JSON.stringify(draft);
  useEffect(() => {
    const body = JSON.parse(key) as SmartDraft;
    if ((body.title ?? '').trim() === '' && (body.description ?? '').trim() === '') return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      api.call('objectives.smartCheck', { body, signal: controller.signal }).then(
        (r) => {
          setResult(r);
          setChecking(false);
        },
        () => {
          // The hint is advisory: a failed check leaves the last answer in place.
          if (!controller.signal.aborted) setChecking(false);
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key, delayMs]);
  return { result, checking };
};
