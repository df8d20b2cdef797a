import { createContext } from 'svelte';
import type { NotebookModel } from '../../notebook/model.svelte.ts';

/** The open notebook, handed down by NotebookView. */
export const [getNotebook, setNotebook] = createContext<NotebookModel>();
