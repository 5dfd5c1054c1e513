import { BadRequestException, Controller, Get, ParseIntPipe, Query } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

function inRange(name: string, value: number, min: number, max: number): number {
  if (value < min || value > max) {
    throw new BadRequestException({ error: `query parameter ${name} must be an integer from ${min} to ${max}` });
  }
  return value;
}

/** Counts the primes <= n by trial division, exactly as docs/api.md prescribes. */
function countPrimes(n: number): number {
  let count = 0;
  for (let k = 2; k <= n; k++) {
    let prime = true;
    for (let d = 2; d * d <= k; d++) {
      if (k % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

@Controller()
export class ApiController {
  @Get('json')
  hello(): { message: string } {
    return { message: 'Hello, World!' };
  }

  @Get('io')
  async io(@Query('ms', ParseIntPipe) ms: number): Promise<{ waitedMs: number }> {
    await sleep(inRange('ms', ms, 0, 10000));
    return { waitedMs: ms };
  }

  @Get('cpu')
  cpu(@Query('n', ParseIntPipe) n: number): { n: number; primes: number } {
    return { n, primes: countPrimes(inRange('n', n, 1, 1000000)) };
  }
}
