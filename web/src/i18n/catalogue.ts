/** A language's messages for one area: every id of the English ones, or the build fails. */
export type ExtendOf<English> = Readonly<Record<keyof English, string>>
