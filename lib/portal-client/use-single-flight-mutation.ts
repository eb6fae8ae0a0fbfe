'use client';

import { useMutation, type MutateOptions, type UseMutationOptions } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

/**
 * useMutation whose `mutate` sends nothing while the previous call is on its way: a double click,
 * or Enter pressed twice, is one request. (The button's disabled state comes a render later.)
 * `once`: for a change whose success removes its own button (cancel, resume, pay, pause) the lock
 * stays after success too, since a fast server can answer between the two clicks of a double click,
 * before the page has refreshed.
 */
export function useSingleFlightMutation<TData, TVariables>(options: UseMutationOptions<TData, Error, TVariables>, { once = false }: { once?: boolean } = {}) {
  const mutation = useMutation(options);
  const inFlight = useRef(false);
  const { mutate: send } = mutation;
  const mutate = useCallback(
    (variables: TVariables, callbacks: MutateOptions<TData, Error, TVariables> = {}) => {
      if (inFlight.current) return;
      inFlight.current = true;
      send(variables, {
        ...callbacks,
        onSettled: (...settled) => {
          const [, error] = settled;
          if (!once || error) inFlight.current = false;
          callbacks.onSettled?.(...settled);
        },
      });
    },
    [send, once],
  );
  return { ...mutation, mutate };
}
