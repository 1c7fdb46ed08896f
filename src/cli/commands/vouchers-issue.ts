import { AppError } from '../../app/errors.js'
import { issueVoucherBatch } from '../../app/vouchers/issue-voucher-batch.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import type { CliContext } from '../cli-context.js'
import { type CodesFile, openCodesFile } from '../codes-file.js'
import { consoleAccount } from '../console-account.js'
import { readCsvRows } from '../csv-import.js'
import { startProgress } from '../progress.js'

export interface VouchersIssueOptions {
  readonly offer: string
  readonly batch: string
  readonly out: string
  readonly count?: number
  /** A CSV file with a `candidateId` column: one code for each, in file order. */
  readonly for?: string
}

/**
 * `examdesk vouchers issue`: a batch of codes under an offer, written to a
 * CSV file, with progress on stderr. The same `--batch` again writes the same
 * codes and issues only those a crashed run did not make.
 */
export async function issueVouchersCommand(
  cli: CliContext,
  options: VouchersIssueOptions,
): Promise<void> {
  if ((options.count === undefined) === (options.for === undefined)) {
    throw new Error('give either --count N or --for candidates.csv')
  }
  const listed = options.for === undefined ? null : await readCandidateList(cli, options.for)
  const store = await cli.openStore()
  const progress = startProgress(cli, 'codes')
  let file: CodesFile | null = null
  try {
    file = await openCodesFile(cli.path(options.out), options.out)
    const batch = await issueVoucherBatch(
      { ...store, mail: readMailSettings(cli.config()) },
      {
        offerId: options.offer,
        batchId: options.batch,
        ...(listed === null
          ? { count: options.count! }
          : { candidateIds: listed.map((row) => row.candidateId) }),
        // The trail names the account at the console, as a token would name an API caller.
        issuedBy: consoleAccount(),
        issuedAs: { role: 'admin', channel: 'cli', tokenLabel: consoleAccount() },
      },
      progress.update,
    )
    progress.stop()
    await file.write(batch.codes)
    cli.stdout.write(
      `Batch ${batch.batchId} (offer ${batch.offerId} version ${batch.offerVersion}): ${batch.codes.length} codes, ${batch.issuedNow} issued now, ${batch.alreadyThere} already there; written to ${options.out}.\n`,
    )
  } catch (error) {
    progress.stop()
    await file?.discard()
    if (listed !== null && error instanceof AppError && error.code === 'CANDIDATES_NOT_FOUND') {
      const unknown = new Set(error.facts.candidateIds as string[])
      const lines = listed
        .filter((row) => unknown.has(row.candidateId))
        .map((row) => `  line ${row.line}: no candidate ${row.candidateId}`)
      throw new Error(
        `Nothing was issued: ${unknown.size} candidate(s) in ${options.for} do not exist.\n${lines.join('\n')}`,
      )
    }
    throw error
  } finally {
    await store.close()
  }
}

/** The candidate ids of the file, with their lines; refuses empty cells, naming each line. */
async function readCandidateList(cli: CliContext, file: string) {
  const rows = await readCsvRows(cli.path(file), ['candidateId'])
  const empty = rows.filter((row) => (row.fields.candidateId ?? '') === '')
  if (empty.length > 0) {
    throw new Error(
      `${file}: candidateId is empty on line(s) ${empty.map((row) => row.line).join(', ')}`,
    )
  }
  if (rows.length === 0) throw new Error(`${file}: no candidates listed`)
  return rows.map((row) => ({ line: row.line, candidateId: row.fields.candidateId! }))
}
