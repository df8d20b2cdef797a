import { createContext } from 'svelte';
import type { BrowserEngine } from '../engine/engine.ts';

/** The one engine of the page, handed down by App.svelte; components never import it directly. */
export const [getEngine, setEngine] = createContext<BrowserEngine>();
