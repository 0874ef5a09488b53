#!/usr/bin/env node
// What a user installs, checked as they get it: each published package is packed with `pnpm pack`,
// its tarball must hold the LICENSE and the README, and @arethetypeswrong/cli (ESM-only profile)
// must resolve the types of every export from that tarball.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const packagesDir = join(root, 'packages')
const required = ['package/LICENSE', 'package/README.md', 'package/package.json']

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  return {
    ok: result.status === 0,
    output: `${result.error ?? ''}${result.stdout ?? ''}${result.stderr ?? ''}`,
  }
}

/** Exports whose target is a stylesheet carry no types; attw would call them unresolved. */
function stylesheetExports(manifest) {
  return Object.entries(manifest.exports ?? {})
    .filter(([, target]) => typeof target === 'string' && target.endsWith('.css'))
    .map(([subpath]) => subpath)
}

/** Every file the manifest points at (exports' targets, bin), as paths inside the tarball. */
function declaredFiles(manifest) {
  const targets = []
  const visit = (value) => {
    if (typeof value === 'string') targets.push(value)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(manifest.exports)
  visit(manifest.bin)
  return targets.map((target) => `package/${target.replace(/^\.\//, '')}`)
}

const outDir = mkdtempSync(join(tmpdir(), 'presence-kit-pack-'))
const failures = []
try {
  for (const name of readdirSync(packagesDir).toSorted()) {
    const dir = join(packagesDir, name)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    if (manifest.private) continue
    const packed = run('pnpm', ['pack', '--pack-destination', outDir], dir)
    const tarball = readdirSync(outDir).find((file) =>
      file.startsWith(manifest.name.replace('@', '').replace('/', '-')),
    )
    if (!packed.ok || tarball === undefined) {
      failures.push(`${manifest.name}: pnpm pack failed\n${packed.output}`)
      continue
    }
    const listing = run('tar', ['-tzf', join(outDir, tarball)], root)
    const files = listing.output.split('\n')
    // attw passes a tarball without types, so a package packed before its build must fail here.
    const missing = [...required, ...declaredFiles(manifest)].filter((file) => !files.includes(file))
    if (missing.length > 0) failures.push(`${manifest.name}: ${tarball} lacks ${missing.join(', ')}`)
    const excluded = stylesheetExports(manifest)
    const attw = run(
      join(root, 'node_modules', '.bin', 'attw'),
      [
        join(outDir, tarball),
        '--profile',
        'esm-only',
        '--format',
        'table',
        '--no-emoji',
        ...(excluded.length > 0 ? ['--exclude-entrypoints', ...excluded] : []),
      ],
      root,
    )
    if (!attw.ok) failures.push(`${manifest.name}: attw found problems\n${attw.output}`)
    console.log(
      `${attw.ok && missing.length === 0 ? 'ok  ' : 'FAIL'} ${manifest.name} (${tarball}, ${files.length - 1} files)`,
    )
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
if (failures.length > 0) {
  console.error(`\n${failures.join('\n\n')}`)
  process.exit(1)
}
