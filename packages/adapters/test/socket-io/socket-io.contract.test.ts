import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { startReferenceServerBackend } from './reference-server-backend.js'

// The real socket.io-client against the real reference server (in memory, on loopback).
runAdapterContract('socket-io', { setup: startReferenceServerBackend, timeoutMs: 20_000 })
