/**
 * The connections a worker's light clients have heard of, each given a small dense number once,
 * so each client keeps its roster in flat arrays indexed by it: 2,500 clients of a 5,000-member
 * room hold 12.5 million entries, which as maps of strings would cost gigabytes.
 */
export class ConnectionTable {
  private readonly numbers = new Map<string, number>()
  private readonly users: string[] = []

  /** The connection's number, given on first sight; its user is remembered with it. */
  numberOf(connectionId: string, userId: string): number {
    let number = this.numbers.get(connectionId)
    if (number === undefined) {
      number = this.users.length
      this.numbers.set(connectionId, number)
      this.users.push(userId)
    }
    return number
  }

  userOf(number: number): string {
    return this.users[number] as string
  }

  get size(): number {
    return this.users.length
  }
}
