import { type FileHandle, open, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { BatchCode } from '../app/vouchers/issue-voucher-batch.js'
import { formatInstant } from '../domain/instant.js'

const CSV_HEADER = ['position', 'code', 'candidateId', 'expiresAt'] as const
/** Rows written to the file at once. */
const WRITE_ROWS = 1000

/** The CSV file a batch of codes goes to, opened before any code is issued. */
export interface CodesFile {
  /** Writes the codes and puts the file in place. */
  write(codes: readonly BatchCode[]): Promise<void>
  /** Removes the file beside `path`, unless the codes were put in place. */
  discard(): Promise<void>
}

/**
 * Opens a file beside `path` for the codes, so that a place that cannot be
 * written is refused while nothing has been issued yet; the codes are
 * renamed over `path` only when all are written, so that a run that dies
 * mid-write leaves no half list that could be mistaken for the batch.
 * `shown` is the path as the user typed it, for the refusal.
 */
export async function openCodesFile(path: string, shown: string): Promise<CodesFile> {
  if ((await stat(path).catch(() => null))?.isDirectory()) {
    throw new Error(`--out ${shown} is a folder; give a file name in it. Nothing was issued.`)
  }
  const partial = `${path}.${process.pid}.partial`
  let handle: FileHandle
  try {
    handle = await open(partial, 'w')
  } catch (error) {
    throw new Error(
      `Cannot write the codes to ${shown}: ${whyNotWritable(error, dirname(path))}. Nothing was issued.`,
      { cause: error },
    )
  }
  let closed = false
  const close = async () => {
    if (!closed) await handle.close()
    closed = true
  }
  const discard = async () => {
    await close()
    await rm(partial, { force: true })
  }
  return {
    discard,
    async write(codes) {
      try {
        await writeRows(handle, codes)
        await handle.sync()
      } catch (error) {
        await discard()
        throw error
      }
      await close()
      await rename(partial, path)
    },
  }
}

function whyNotWritable(error: unknown, folder: string): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return `the folder ${folder} does not exist`
    case 'ENOTDIR':
      return `${folder} is not a folder`
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `there is no permission to write in ${folder}`
    default:
      return (error as Error).message
  }
}

/** The codes as CSV (RFC 4180 quoting), a thousand rows a write. */
async function writeRows(handle: FileHandle, codes: readonly BatchCode[]): Promise<void> {
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
}

/** A field quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
function toCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
