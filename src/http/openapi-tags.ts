/**
 * The reference's sections, in the order a user meets them: a candidate and
 * whether they may sit an exam, a seat, a booking and the codes that pay for
 * it, then what happens after a sitting, then the programme's set-up, and
 * the operations of the service last. Every route's tag must be one of these.
 */
export const OPENAPI_TAGS = [
  {
    name: 'candidates',
    description: 'The people who sit exams: their details and the certifications they earned.',
  },
  {
    name: 'retake policy',
    description:
      'May a candidate sit an exam, and if not, from when and why; the dates of the next attempts if each failed.',
  },
  {
    name: 'centres and slots',
    description:
      'Test centres and their slots, the search for a free seat by slot or by centre, and places to search near.',
  },
  {
    name: 'registrations',
    description:
      'Booking a seat, paying, rescheduling and cancelling, with the audit trail of who did what.',
  },
  {
    name: 'vouchers',
    description: 'Codes: enrolling in an offer, previewing what a code would do, reward codes.',
  },
  { name: 'offers', description: 'Offers such as the free retake, as versioned terms.' },
  {
    name: 'results',
    description: "A provider's reports on a sitting: check-in, no-show and the result.",
  },
  { name: 'attempts', description: 'The one attempt history of a candidate across providers.' },
  {
    name: 'exception requests',
    description: 'Asking for a retake exception after a sitting went wrong, and reviewing it.',
  },
  {
    name: 'beta',
    description: 'Beta exams: their programme, roster, invitation waves and result release.',
  },
  { name: 'catalogue', description: 'The exams, their numbers, status and prices.' },
  {
    name: 'providers',
    description: 'Delivery providers, the exams they deliver and their change rules.',
  },
  {
    name: 'reports',
    description:
      "The programme's reports over calendar days, as JSON rows or CSV: registrations, seat fill, pass rates, retakes, codes, waves, exception requests, no-shows.",
  },
  { name: 'mail', description: 'The outbox: every mail the programme sends, and its delivery.' },
  {
    name: 'tokens',
    description: "Machine clients' bearer tokens: made, listed and revoked by an admin.",
  },
  {
    name: 'accounts',
    description:
      'People: candidates make their own account, an admin makes staff accounts; signing in by mail (a link or a code, no password), sessions and sign-out.',
  },
  {
    name: 'operations',
    description: 'For operators: the start page, health and metrics. No token needed.',
  },
] as const
