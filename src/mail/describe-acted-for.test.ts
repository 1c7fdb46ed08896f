import { describe, expect, it } from 'vitest'
import { describeActedFor } from './describe-acted-for.js'

const AT = Date.UTC(2026, 2, 15, 12, 0)

describe('describeActedFor', () => {
  it('names the agent, the role, the channel, the time on the candidate’s clock with the zone, and the reason', () => {
    expect(
      describeActedFor(
        'registered',
        {
          role: 'support',
          channel: 'phone',
          displayName: 'Maria Lopez',
          reason: 'The candidate called',
        },
        AT,
        'America/Los_Angeles',
      ),
    ).toBe(
      'registered for you by Maria Lopez (support) by phone on Sunday 15 March 2026, 05:00 (America/Los_Angeles, UTC-07:00): The candidate called',
    )
  })

  it('names a token by its label, in quotes, when no person acted', () => {
    expect(
      describeActedFor(
        'cancelled',
        { role: 'admin', channel: 'api', tokenLabel: 'Helpdesk bridge', displayName: null },
        AT,
        'Pacific/Auckland',
      ),
    ).toBe(
      'cancelled for you by “Helpdesk bridge” (administrator) through an integration on Monday 16 March 2026, 01:00 (Pacific/Auckland, UTC+13:00)',
    )
  })

  it('says the provider for a provider’s booking system, and nothing for the candidate’s own change', () => {
    expect(
      describeActedFor(
        'registered',
        { role: 'provider', channel: 'web', providerName: 'Pearson VUE' },
        AT,
        'UTC',
      ),
    ).toBe('registered through Pearson VUE on Sunday 15 March 2026, 12:00 (UTC, UTC)')
    expect(describeActedFor('registered', { role: 'candidate', channel: 'web' }, AT, 'UTC')).toBe(
      null,
    )
  })

  it('says the role alone only for a record kept before people were named', () => {
    expect(describeActedFor('registered', { role: 'support', channel: 'phone' }, AT, 'UTC')).toBe(
      'registered for you by a support agent by phone on Sunday 15 March 2026, 12:00 (UTC, UTC)',
    )
  })
})
