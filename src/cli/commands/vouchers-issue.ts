import { open, rename, rm } from 'node:fs/promises'
import { AppError } from '../../app/errors.js'
import { type BatchCode, issueVoucherBatch } from '../../app/issue-voucher-batch.js'
import type { Config } from '../../config.js'
import { formatInstant } from '../../domain/instant.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import { consoleAccount } from '../console-account.js'
import { readCsvRows } from '../csv-import.js'
import { openStore } from '../open-store.js'
import { startProgress } from '../progress.js'

export interface VouchersIssueOptions {
  readonly offer: string
  readonly batch: string
  readonly out: string
  readonly count?: number
  /** A CSV file with a `candidateId` column: one code for each, in file order. */
  readonly for?: string
}

const CSV_HEADER = ['position', 'code', 'candidateId', 'expiresAt'] as const
/** Rows written to the file at once. */
const WRITE_ROWS = 1000

/**
 * `examdesk vouchers issue`: a batch of codes under an offer, written to a
 * CSV file, with progress on stderr. The same `--batch` again writes the same
 * codes and issues only those a crashed run did not make.
 */
export async function issueVouchersCommand(
  config: Config,
  options: VouchersIssueOptions,
): Promise<void> {
  if ((options.count === undefined) === (options.for === undefined)) {
    throw new Error('give either --count N or --for candidates.csv')
  }
  const listed = options.for === undefined ? null : await readCandidateList(options.for)
  const store = await openStore(config)
  const progress = startProgress('codes')
  try {
    const batch = await issueVoucherBatch(
      { ...store, mail: readMailSettings(config) },
      {
        offerId: options.offer,
        batchId: options.batch,
        ...(listed === null
          ? { count: options.count! }
          : { candidateIds: listed.map((row) => row.candidateId) }),
        // The trail names the account at the console, as a token would name an API caller.
        issuedBy: consoleAccount(),
        issuedAs: { role: 'admin', channel: 'cli' },
      },
      progress.update,
    )
    progress.stop()
    await writeCodes(options.out, batch.codes)
    process.stdout.write(
      `Batch ${batch.batchId} (offer ${batch.offerId} version ${batch.offerVersion}): ${batch.codes.length} codes, ${batch.issuedNow} issued now, ${batch.alreadyThere} already there; written to ${options.out}.\n`,
    )
  } catch (error) {
    progress.stop()
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
async function readCandidateList(file: string) {
  const rows = await readCsvRows(file, ['candidateId'])
  const empty = rows.filter((row) => (row.fields.candidateId ?? '') === '')
  if (empty.length > 0) {
    throw new Error(
      `${file}: candidateId is empty on line(s) ${empty.map((row) => row.line).join(', ')}`,
    )
  }
  if (rows.length === 0) throw new Error(`${file}: no candidates listed`)
  return rows.map((row) => ({ line: row.line, candidateId: row.fields.candidateId! }))
}

/**
 * Writes the codes as CSV (RFC 4180 quoting) to a file beside `out` and
 * renames it over `out`, so that a run that dies mid-write leaves no half
 * list that could be mistaken for the batch.
 */
async function writeCodes(out: string, codes: readonly BatchCode[]): Promise<void> {
  const partial = `${out}.${process.pid}.partial`
  const handle = await open(partial, 'w')
  try {
    await handle.write(`${CSV_HEADER.join(',')}\n`)
    for (let start = 0; start < codes.length; start += WRITE_ROWS) {
      const lines = codes
        .slice(start, start + WRITE_ROWS)
        .map((code) =>
          [
            String(code.position),
            code.code,
            code.candidateId ?? '',
            code.expiresAt === null ? '' : formatInstant(code.expiresAt),
          ]
            .map(toCsvField)
            .join(','),
        )
      await handle.write(`${lines.join('\n')}\n`)
    }
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(partial, { force: true })
    throw error
  }
  await handle.close()
  await rename(partial, out)
}

/** A field quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
function toCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
