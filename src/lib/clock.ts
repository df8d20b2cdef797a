/** The page's clock, in one place: pure modules take time as a parameter, callers read it here. */
export const now = (): Date => new Date();
export const todayIso = (): string => now().toISOString().slice(0, 10);
