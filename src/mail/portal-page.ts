/**
 * A page of the candidate portal that a mail leads back to, by the web
 * app's own addresses. Only ids and exam numbers go into an address: never
 * a code or a secret, since addresses end up in browser histories, proxy
 * logs and the `Referer` of whatever the page links to.
 */
export type PortalPage =
  /** Upcoming appointments, results, certifications, codes, invitations, requests. */
  | { readonly page: 'home' }
  /** One booking: when and where, its deadlines, changing it, paying, its calendar file. */
  | { readonly page: 'registration'; readonly registrationId: string }
  /** The codes the candidate holds, with what each can still do. */
  | { readonly page: 'codes' }
  | { readonly page: 'invitations' }
  /** An exam's page: eligibility, the what-if-I-fail timeline, beta status; the number as stored. */
  | { readonly page: 'exam'; readonly exam: string }
  | { readonly page: 'exception-request'; readonly requestId: string }

/**
 * The absolute address of a portal page under the public address people
 * open examdesk at.
 *
 * @example
 * computePortalPageUrl('https://exams.example.org', { page: 'registration', registrationId: 'K7QM-2X9P-4RTC' })
 * // 'https://exams.example.org/registrations/K7QM-2X9P-4RTC'
 */
export function computePortalPageUrl(publicUrl: string, page: PortalPage): string {
  return `${publicUrl.replace(/\/+$/, '')}${pathOf(page)}`
}

function pathOf(page: PortalPage): string {
  switch (page.page) {
    case 'home':
      return '/'
    case 'registration':
      return `/registrations/${encodeURIComponent(page.registrationId)}`
    case 'codes':
      return '/codes'
    case 'invitations':
      return '/invitations'
    case 'exam':
      return `/exams/${encodeURIComponent(page.exam)}`
    case 'exception-request':
      return `/exception-requests/${encodeURIComponent(page.requestId)}`
  }
}
