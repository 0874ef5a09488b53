#!/usr/bin/env node
import { runChecker } from './run-checker.mjs'

runChecker('typescript/bin/tsc')
