import { join, relative } from 'node:path'
import ts from 'typescript'

/** What the source puts in the outbox: every kind of mail, and any kind it does not name. */
export interface OutboxKinds {
  /** The kinds written, each as a string. */
  readonly kinds: ReadonlySet<string>
  /** `file:line` of each outbox message whose kind is not a string literal (or a union of them). */
  readonly unnamed: readonly string[]
}

/**
 * Every kind of mail the use cases of `src/app` put in the outbox (the only
 * place mail is written: see docs/architecture.md). An outbox message is an
 * object literal with a `dedupeKey`, a `recipient` and a `kind`; the kind is
 * read through the type checker, so that `kind: input.kind` counts as every
 * kind its type allows, and a new kind anywhere in the use cases is found
 * without anyone listing it.
 */
export function findOutboxKinds(root: string): OutboxKinds {
  // Sending a mail again copies one the outbox already holds, kind and all: it adds no kind.
  const copies = new Set([join(root, 'src', 'app', 'mail', 'resend-mail.ts')])
  const files = ts.sys.readDirectory(join(root, 'src', 'app'), ['.ts'], ['**/*.test.ts'])
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  })
  const checker = program.getTypeChecker()
  const kinds = new Set<string>()
  const unnamed: string[] = []
  for (const file of program.getSourceFiles()) {
    if (!files.includes(file.fileName) || copies.has(file.fileName)) continue
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const named = new Map(
          node.properties.flatMap((property) =>
            property.name !== undefined && ts.isIdentifier(property.name)
              ? [[property.name.text, property] as const]
              : [],
          ),
        )
        const kind = named.get('kind')
        if (kind && named.has('dedupeKey') && named.has('recipient')) {
          const values = literalsOf(checker, kind)
          if (values === null) {
            const { line } = file.getLineAndCharacterOfPosition(kind.getStart())
            unnamed.push(`${relative(root, file.fileName)}:${line + 1}`)
          } else {
            for (const value of values) kinds.add(value)
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  return { kinds, unnamed }
}

/** The strings a `kind` property can hold, or null when its type is not made of string literals. */
function literalsOf(
  checker: ts.TypeChecker,
  property: ts.ObjectLiteralElementLike,
): string[] | null {
  let type: ts.Type
  if (ts.isPropertyAssignment(property)) {
    type = checker.getTypeAtLocation(property.initializer)
  } else if (ts.isShorthandPropertyAssignment(property)) {
    const symbol = checker.getShorthandAssignmentValueSymbol(property)
    if (!symbol) return null
    type = checker.getTypeOfSymbolAtLocation(symbol, property)
  } else {
    return null
  }
  const parts = type.isUnion() ? type.types : [type]
  const values = parts.map((part) => (part.isStringLiteral() ? part.value : null))
  return values.every((value) => value !== null) ? (values as string[]) : null
}
