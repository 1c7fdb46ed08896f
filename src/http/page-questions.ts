/**
 * The API answers a signed-in candidate's page asks for first, as the web
 * app spells them (web/src/first-questions.ts asks the same, with the same
 * parameters in the same order): the page answered to a first visit names
 * them as `<link rel="preload" as="fetch">`, so that the browser asks for
 * them while the app's script is still arriving and the app then takes the
 * answers already here. On a slow machine the script takes longer to arrive
 * and run than these answers take to come.
 *
 * Only questions whose address follows from the candidate and the page's
 * address alone are named; one that needs an earlier answer (the seat
 * search's centres need the candidate's time zone) is asked by the app.
 */
export function pageQuestions(route: string, candidateId: string): readonly string[] {
  const candidate = `/v1/candidates/${encodeURIComponent(candidateId)}`
  switch (route) {
    case '/':
      return [
        candidate,
        `${candidate}/registrations?limit=200`,
        `${candidate}/beta-invitations`,
        `${candidate}/attempts?limit=200`,
        `${candidate}/certifications`,
        `${candidate}/codes`,
        `${candidate}/exception-requests?limit=200`,
        '/v1/providers',
      ]
    case '/seats':
      return [candidate, '/v1/providers']
    case '/book':
      return [candidate, '/v1/providers', `${candidate}/registrations?limit=200`]
    case '/exams/:exam':
      return [candidate, `${candidate}/registrations?limit=200`]
    default:
      return [candidate]
  }
}

/** The page's `<link>` lines for `questions`, asked as the app's own `fetch` asks them. */
export function questionPreloads(questions: readonly string[]): string {
  return questions
    .map((href) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${href}">`)
    .join('\n    ')
}
