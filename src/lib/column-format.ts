/** How a result column is formatted: the same name picks the format on screen, in charts and exports. */
export type ColumnFormat = 'int' | 'number' | 'money' | 'percent' | 'date' | 'text' | 'days';
