import { maskCodesInText } from '../../domain/code-mask.js'
import { mayReadNoWholeCode } from '../../domain/code-visibility.js'
import { sharedPlugin } from '../shared-plugin.js'
import { callerRole } from './auth.js'

/**
 * A provider's token never reads a code whole (`mayReadNoWholeCode`), so
 * every answer to one has its codes masked as it is sent: not only the
 * registration's price lines, which are masked where they are mapped, but a
 * refusal's facts and sentence ("Your code … holds a free retake"), an
 * audit entry's detail, the codes a cancellation gave back, and whatever a
 * route adds later. Answers to anyone else are left as their routes made
 * them.
 */
export const codeMaskingPlugin = sharedPlugin('examdesk-code-masking', async (app) => {
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (
      typeof payload !== 'string' ||
      callerRole(request) === null ||
      !mayReadNoWholeCode(request.principal)
    )
      return done(null, payload)
    done(null, maskCodesInText(payload))
  })
})
