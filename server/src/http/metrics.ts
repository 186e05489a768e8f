// `GET /metrics` in Prometheus's text format: requests by form and outcome, a latency histogram,
// the outbox's depth and the age of its oldest message, emails sent and dead. Counters are this
// process's own; the outbox figures are read from the database at each scrape.
import type { FastifyReply } from 'fastify';

/** Latency buckets, in seconds (the forms answer in at least RESPONSE_TIME_MS). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.3, 0.5, 1, 2.5, 5, 10];

const outcomes = new WeakMap<FastifyReply, string>();

/** Notes what a reply answered (its body's `status`), for the request counter. */
export function noteOutcome(reply: FastifyReply, outcome: string): void {
  outcomes.set(reply, outcome);
}

/** The outcome noted for a reply, if any. */
export function outcomeOf(reply: FastifyReply): string | undefined {
  return outcomes.get(reply);
}

const label = (value: string): string => value.replace(/[\\"\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));

/** This process's counters. */
export class Metrics {
  readonly #requests = new Map<string, number>();
  readonly #histograms = new Map<string, { buckets: number[]; sum: number; count: number }>();
  readonly #emails = { sent: 0, retry: 0, dead: 0 };
  readonly #breachSkips = new Map<string, number>();

  /** Counts one answered request of `form` (its latency in seconds). */
  request(form: string, outcome: string, seconds: number): void {
    const key = `form="${label(form)}",outcome="${label(outcome)}"`;
    this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
    let histogram = this.#histograms.get(form);
    if (!histogram) {
      histogram = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.#histograms.set(form, histogram);
    }
    histogram.buckets = histogram.buckets.map((count, i) => (seconds <= (BUCKETS[i] ?? Infinity) ? count + 1 : count));
    histogram.sum += seconds;
    histogram.count += 1;
  }

  /** Counts one delivery try. */
  delivery(result: 'sent' | 'retry' | 'dead'): void {
    this.#emails[result] += 1;
  }

  /** Counts one breach lookup that was skipped (the reset went on without it), by reason. */
  breachSkipped(reason: string): void {
    this.#breachSkips.set(reason, (this.#breachSkips.get(reason) ?? 0) + 1);
  }

  /** The exposition text, with the outbox figures given. */
  render(outbox: { pending: number; sending: number; sent: number; dead: number; oldestWaitingSeconds: number }): string {
    const lines: string[] = [
      '# HELP login_help_requests_total Requests answered, by form and outcome (the answer\'s status).',
      '# TYPE login_help_requests_total counter',
      ...[...this.#requests].map(([key, value]) => `login_help_requests_total{${key}} ${value}`),
      '# HELP login_help_request_duration_seconds Time to answer, by form.',
      '# TYPE login_help_request_duration_seconds histogram',
    ];
    for (const [form, histogram] of this.#histograms) {
      const name = label(form);
      BUCKETS.forEach((bound, i) => lines.push(`login_help_request_duration_seconds_bucket{form="${name}",le="${bound}"} ${histogram.buckets[i]}`));
      lines.push(`login_help_request_duration_seconds_bucket{form="${name}",le="+Inf"} ${histogram.count}`);
      lines.push(`login_help_request_duration_seconds_sum{form="${name}"} ${histogram.sum}`);
      lines.push(`login_help_request_duration_seconds_count{form="${name}"} ${histogram.count}`);
    }
    lines.push(
      '# HELP login_help_email_deliveries_total Delivery tries by this process, by result.',
      '# TYPE login_help_email_deliveries_total counter',
      ...Object.entries(this.#emails).map(([result, value]) => `login_help_email_deliveries_total{result="${result}"} ${value}`),
      '# HELP login_help_outbox_messages Messages in the outbox (all instances), by status.',
      '# TYPE login_help_outbox_messages gauge',
      ...(['pending', 'sending', 'sent', 'dead'] as const).map((status) => `login_help_outbox_messages{status="${status}"} ${outbox[status]}`),
      '# HELP login_help_outbox_oldest_waiting_seconds Age of the oldest message not yet sent (0 when none waits).',
      '# TYPE login_help_outbox_oldest_waiting_seconds gauge',
      `login_help_outbox_oldest_waiting_seconds ${outbox.oldestWaitingSeconds}`,
      '# HELP login_help_breach_checks_skipped_total Breached-password lookups skipped by this process (unreachable, timeout, status, redirect, oversized, malformed): those resets were judged by the rest of the rule.',
      '# TYPE login_help_breach_checks_skipped_total counter',
      ...[...this.#breachSkips].map(([reason, value]) => `login_help_breach_checks_skipped_total{reason="${label(reason)}"} ${value}`),
    );
    return `${lines.join('\n')}\n`;
  }
}
