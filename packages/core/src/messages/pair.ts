/** One message in both languages Fidelio speaks: English, then Spanish. `{name}` marks a parameter. */
export type Pair = readonly [en: string, es: string];
