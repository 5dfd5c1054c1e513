package dev.stackbench.contestant.vertx;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;

/**
 * The four HTTP endpoints of docs/api.md on a Vert.x Web {@link Router}, and GET /ws on the same
 * server's WebSocket handler ({@link WsBroadcast}). Each deployed instance runs on
 * its own event loop with its own router and HTTP server; Vert.x shares the listening port
 * between them. All instances lease the same named PostgreSQL pool.
 */
final class ApiVerticle extends AbstractVerticle {

    static final String SERVER = "Vert.x";
    static final String POOL_NAME = "stackbench-users";
    static final int MAX_IO_MS = 10_000;
    static final int MAX_CPU_N = 1_000_000;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final String FIND_USER = "SELECT id, name, email FROM users WHERE id = $1";

    private final Config config;
    private Pool pool;
    /** Refreshed once a second by a timer of this verticle; read and written on its event loop only. */
    private String date;

    ApiVerticle(Config config) {
        this.config = config;
    }

    @Override
    public void start(Promise<Void> startPromise) {
        // A shared pool: the first instance creates it, the others lease it, so the process holds
        // at most DB_POOL connections whatever WORKERS is. Connections are opened on first use.
        pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(config.dbPool()).setShared(true).setName(POOL_NAME))
                .connectingTo(new PgConnectOptions()
                        .setHost(config.dbHost())
                        .setPort(config.dbPort())
                        .setDatabase(config.dbName())
                        .setUser(config.dbUser())
                        .setPassword(config.dbPassword()))
                .using(vertx)
                .build();

        date = HttpDate.format(Instant.now());
        vertx.setPeriodic(1000, id -> date = HttpDate.format(Instant.now()));

        Router router = Router.router(vertx);
        router.route().handler(this::commonHeaders);
        router.get("/json").handler(this::json);
        router.get("/api/users/:id").handler(this::user);
        router.get("/io").handler(this::io);
        router.get("/cpu").handler(this::cpu);
        router.errorHandler(404, ctx -> error(ctx, 404, "Not found: " + ctx.request().path()));
        router.errorHandler(405, ctx -> error(ctx, 405, "Method not allowed"));
        router.errorHandler(500, this::internalError);

        vertx.createHttpServer()
                .webSocketHandler(new WsBroadcast(vertx))
                .requestHandler(router)
                .listen(config.port(), "127.0.0.1")
                .<Void>mapEmpty()
                .onComplete(startPromise);
    }

    /**
     * Vert.x sends neither Server nor Date by itself; docs/api.md wants both on every response.
     * Date is added when the headers are written, so a response sent after a wait carries its own time.
     */
    private void commonHeaders(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.SERVER, SERVER);
        ctx.addHeadersEndHandler(v -> ctx.response().putHeader(HttpHeaders.DATE, date));
        ctx.next();
    }

    private void json(RoutingContext ctx) {
        ctx.json(new JsonObject().put("message", "Hello, World!"));
    }

    /**
     * One row by primary key. An integer id outside int32 cannot be in the {@code integer} column,
     * so it is answered 404 without a query; anything but an integer is 400.
     */
    private void user(RoutingContext ctx) {
        String raw = ctx.pathParam("id");
        if (!INTEGER.matcher(raw).matches()) {
            error(ctx, 400, "'id' must be an integer, was '" + raw + "'");
            return;
        }
        int id;
        try {
            id = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            userNotFound(ctx);
            return;
        }
        pool.preparedQuery(FIND_USER).execute(Tuple.of(id))
                .onSuccess(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        userNotFound(ctx);
                        return;
                    }
                    Row row = it.next();
                    ctx.json(new JsonObject()
                            .put("id", row.getInteger("id"))
                            .put("name", row.getString("name"))
                            .put("email", row.getString("email")));
                })
                .onFailure(ctx::fail);
    }

    /** Waits on a Vert.x timer: the event loop stays free for other requests meanwhile. */
    private void io(RoutingContext ctx) {
        OptionalInt ms = intParamOrReject(ctx, "ms", 0, MAX_IO_MS);
        if (ms.isEmpty()) {
            return;
        }
        int waitedMs = ms.getAsInt();
        JsonObject body = new JsonObject().put("waitedMs", waitedMs);
        if (waitedMs == 0) {
            ctx.json(body); // setTimer rejects a delay below 1 ms
        } else {
            vertx.setTimer(waitedMs, id -> ctx.json(body));
        }
    }

    private void cpu(RoutingContext ctx) {
        OptionalInt n = intParamOrReject(ctx, "n", 1, MAX_CPU_N);
        if (n.isPresent()) {
            ctx.json(new JsonObject().put("n", n.getAsInt()).put("primes", countPrimes(n.getAsInt())));
        }
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

    /** The integer query parameter if present and in [min, max]; otherwise answers 400 and returns empty. */
    private static OptionalInt intParamOrReject(RoutingContext ctx, String name, int min, int max) {
        String raw = ctx.request().getParam(name);
        if (raw == null) {
            error(ctx, 400, "query parameter '" + name + "' is required and must be an integer");
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        error(ctx, 400, "query parameter '" + name + "' must be an integer in " + min + ".." + max
                + ", was '" + raw + "'");
        return OptionalInt.empty();
    }

    private static void userNotFound(RoutingContext ctx) {
        error(ctx, 404, "User not found");
    }

    private void internalError(RoutingContext ctx) {
        System.err.println("stackbench-vertx: " + ctx.request().method() + " " + ctx.request().uri()
                + " failed: " + ctx.failure());
        if (!ctx.response().ended()) {
            error(ctx, 500, "Internal server error");
        }
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status);
        ctx.json(new JsonObject().put("error", message));
    }
}
