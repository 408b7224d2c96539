import { useEffect, useState } from 'react';

/** The time now (ms since the epoch), renewed every `everyMs`: for "time left" that counts down. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
