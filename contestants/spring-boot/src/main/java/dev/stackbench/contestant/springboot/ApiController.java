package dev.stackbench.contestant.springboot;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The four endpoints of docs/api.md; bodies are records serialised by Spring's Jackson converter. */
@RestController
class ApiController {

    static final int MAX_IO_MS = 10_000;
    static final int MAX_CPU_N = 1_000_000;

    record Message(String message) {}

    record Waited(int waitedMs) {}

    record Primes(int n, int primes) {}

    private final UserRepository users;

    ApiController(UserRepository users) {
        this.users = users;
    }

    @GetMapping("/json")
    Message json() {
        return new Message("Hello, World!");
    }

    /**
     * One row by primary key. Ids outside the int32 range of the {@code integer} column cannot
     * exist, so they are answered 404 without a query (as PostgreSQL would reject the value).
     */
    @GetMapping("/api/users/{id}")
    ResponseEntity<?> user(@PathVariable long id) {
        Optional<UserRepository.User> user =
                id < Integer.MIN_VALUE || id > Integer.MAX_VALUE ? Optional.empty() : users.find((int) id);
        return user.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiExceptionHandler.USER_NOT_FOUND));
    }

    /** Blocks this Tomcat worker thread, as a synchronous framework waits on a slow upstream. */
    @GetMapping("/io")
    Waited io(@RequestParam int ms) throws InterruptedException {
        requireInRange("ms", ms, 0, MAX_IO_MS);
        Thread.sleep(ms);
        return new Waited(ms);
    }

    @GetMapping("/cpu")
    Primes cpu(@RequestParam int n) {
        requireInRange("n", n, 1, MAX_CPU_N);
        return new Primes(n, countPrimes(n));
    }

    /** Trial division exactly as docs/api.md states it: no sieve, nothing kept between requests. */
    static int countPrimes(int n) {
        int count = 0;
        for (int k = 2; k <= n; k++) {
            boolean prime = true;
            for (int d = 2; d * d <= k; d++) {
                if (k % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    private static void requireInRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(
                    "query parameter '" + name + "' must be in " + min + ".." + max + ", was " + value);
        }
    }
}
