#!/usr/bin/env node
import { runChecker } from './run-checker.mjs'

runChecker('vue-tsc/bin/vue-tsc.js')
