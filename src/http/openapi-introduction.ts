/**
 * The introduction at the top of `/docs` (the document's `info.description`,
 * Markdown): the quick start of the README, how to get a token, and the
 * conventions every operation shares.
 */
export const OPENAPI_INTRODUCTION = `
examdesk runs a professional certification exam programme: the exam catalogue,
candidates and their one attempt history across every delivery provider, the
retake policy that decides when a candidate may sit an exam again (and says
why and from when), test centres and seats, registrations, vouchers and
offers, beta exams with invitation waves, and retake-exception requests.

## Quick start

\`npm start\` prints, on its first start, two lines to copy into a shell: the
address of this server and an admin token. Then try a request:

\`\`\`sh
export EXAMDESK=http://127.0.0.1:3000   # the address the server printed
export TOKEN=exd_…                      # the token it printed
curl -H "Authorization: Bearer $TOKEN" "$EXAMDESK/v1/candidates/cand-ana/eligibility?exam=70-620"
\`\`\`

## Tokens

Every \`/v1\` operation needs \`Authorization: Bearer <token>\`. A token has
one role, \`admin\`, \`support\` or \`provider\` (a provider's bound to its
provider); each operation says which roles may call it and which of its
objects a candidate or a provider reaches. Another's object answers exactly
as a missing one (404), so ids cannot be probed. The first start prints an
admin token once; make another (it prints the token) with:

\`\`\`sh
export TOKEN=$(npx examdesk token create --role admin)
\`\`\`

## Errors

Every refusal is \`application/problem+json\` (RFC 9457) with a stable
\`code\` to program against, a sentence for a person (\`detail\`), the input at
fault (\`field\`) and the facts of the case (such as \`earliestAt\`). Each
operation lists the codes it can answer, by status. A \`429\` or \`503\` says
in \`Retry-After\` when to try again.

## Retries

Operations that book, pay or change take an \`Idempotency-Key\` header (a
booking requires one): the same key and body answer the same again and never
act twice, so a request that failed on the way may simply be sent again.

## Time

Instants go in as RFC 3339 with an offset and come out in UTC, with the
wall-clock time and zone beside them where a person reads them.
`.trim()
