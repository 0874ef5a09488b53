import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ClusterStatus } from './cluster-link.js'

export interface HealthReport {
  /** `ok`, or `degraded` while Redis is unreachable (the node serves its own clients meanwhile). */
  readonly status: 'ok' | 'degraded' | 'closing'
  readonly node: string
  readonly redis: ClusterStatus
  readonly connections: number
  readonly rooms: number
  readonly uptimeSeconds: number
}

/** Answers the health path with the report as JSON: 200 when it serves, 503 while closing. */
export function writeHealth(response: ServerResponse, report: HealthReport): void {
  const body = JSON.stringify(report)
  response.writeHead(report.status === 'closing' ? 503 : 200, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  })
  response.end(body)
}

export function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/'
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}
