#!/usr/bin/env node
// The command's entry is a committed file, not the built one: pnpm links workspace bins at install
// time, before anything is built, and warns about every bin whose target does not exist yet.
import '../dist/cli.js'
