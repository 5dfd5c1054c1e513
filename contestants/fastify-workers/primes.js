'use strict';

// The task each piscina worker thread runs for GET /cpu (docs/api.md): the primes <= n by
// trial division, the same code as the fastify contestant's, off the event loop.
function countPrimes(n) {
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

module.exports = countPrimes;
