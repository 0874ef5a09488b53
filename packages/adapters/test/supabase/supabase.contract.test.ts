import { runAdapterContract } from '../contract/run-adapter-contract.js'
import { startSupabaseBackend } from './supabase-backend.js'

runAdapterContract('supabase', { setup: startSupabaseBackend })
