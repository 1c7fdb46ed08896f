import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../app/app-deps.js'
import { adminMailRoutes } from './routes/admin-mail.js'
import { apiTokenRoutes } from './routes/api-tokens.js'
import { attemptRoutes } from './routes/attempts.js'
import { betaProgrammeOverviewRoutes } from './routes/beta-programme-overviews.js'
import { betaProgrammeRoutes } from './routes/beta-programmes.js'
import { candidateBetaStandingRoutes } from './routes/candidate-beta-standing.js'
import { candidateCodeRoutes } from './routes/candidate-codes.js'
import { candidateInvitationRoutes } from './routes/candidate-invitations.js'
import { candidateSearchRoutes } from './routes/candidate-search.js'
import { candidateRoutes } from './routes/candidates.js'
import { centreRoutes } from './routes/centres.js'
import { certificationRoutes } from './routes/certifications.js'
import { eligibilityRoutes } from './routes/eligibility.js'
import { emailChangeRoutes } from './routes/email-change.js'
import { examCentreRoutes } from './routes/exam-centres.js'
import { examOfferRoutes } from './routes/exam-offers.js'
import { examPricingRoutes } from './routes/exam-pricing.js'
import { examRoutes } from './routes/exams.js'
import { exceptionRequestRoutes } from './routes/exception-requests.js'
import { holdRoutes } from './routes/holds.js'
import { identityRoutes } from './routes/identities.js'
import { offerRoutes } from './routes/offers.js'
import { passkeyRoutes } from './routes/passkeys.js'
import { placeRoutes } from './routes/places.js'
import { providerRoutes } from './routes/providers.js'
import { registrationCodeRoutes } from './routes/registration-codes.js'
import { registrationRoutes } from './routes/registrations.js'
import { reportRoutes } from './routes/reports.js'
import { sessionRoutes } from './routes/sessions.js'
import { signInRoutes } from './routes/sign-in.js'
import { slotRoutes } from './routes/slots.js'
import { staffAccountRoutes } from './routes/staff-accounts.js'
import { voucherRoutes } from './routes/vouchers.js'
import { voucherIssueRoutes } from './routes/vouchers-issue.js'
import { waveRoutes } from './routes/waves.js'
import { SECURE_SESSION_COOKIE, type SessionCookie } from './session-cookie.js'

/** Every resource of the `/v1` API; the sign-in routes set and clear `cookie`. */
export function apiRoutes(
  deps: AppDeps,
  cookie: SessionCookie = SECURE_SESSION_COOKIE,
): FastifyPluginAsync[] {
  return [
    examRoutes(deps),
    examPricingRoutes(deps),
    examOfferRoutes(deps),
    candidateRoutes(deps),
    candidateSearchRoutes(deps),
    attemptRoutes(deps),
    eligibilityRoutes(deps),
    certificationRoutes(deps),
    registrationRoutes(deps),
    registrationCodeRoutes(deps),
    holdRoutes(deps),
    providerRoutes(deps),
    centreRoutes(deps),
    slotRoutes(deps),
    examCentreRoutes(deps),
    placeRoutes(deps),
    betaProgrammeRoutes(deps),
    betaProgrammeOverviewRoutes(deps),
    waveRoutes(deps),
    offerRoutes(deps),
    voucherRoutes(deps),
    voucherIssueRoutes(deps),
    candidateCodeRoutes(deps),
    candidateInvitationRoutes(deps),
    candidateBetaStandingRoutes(deps),
    exceptionRequestRoutes(deps),
    adminMailRoutes(deps),
    reportRoutes(deps),
    apiTokenRoutes(deps),
    signInRoutes(deps, cookie),
    sessionRoutes(deps, cookie),
    identityRoutes(deps, cookie),
    passkeyRoutes(deps, cookie),
    staffAccountRoutes(deps),
    emailChangeRoutes(deps),
  ]
}
