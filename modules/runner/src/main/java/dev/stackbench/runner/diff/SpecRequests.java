package dev.stackbench.runner.diff;

import dev.stackbench.lab.manifest.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The default request set: every endpoint of docs/api.md with its known answers and its error
 * cases, for the workloads both backends implement.
 */
public final class SpecRequests {
    /** Users fetched by default: ids 1..this. */
    public static final int DEFAULT_USERS = 20;

    private SpecRequests() {
    }

    /**
     * @param workloads the workloads to cover ({@code json}, {@code user}, {@code io}, {@code cpu};
     *                  others have no request/response endpoint and are skipped)
     * @param users     ids 1..users for {@code /api/users/{id}}, >= 1
     */
    public static List<ReplayRequest> of(Collection<Workload> workloads, int users) {
        if (users < 1) {
            throw new IllegalArgumentException("users (" + users + ") must be >= 1");
        }
        List<String> targets = new ArrayList<>();
        if (workloads.contains(Workload.JSON)) {
            targets.add("/json");
        }
        if (workloads.contains(Workload.USER)) {
            for (int id = 1; id <= users; id++) {
                targets.add("/api/users/" + id);
            }
            targets.addAll(List.of("/api/users/10000", "/api/users/0", "/api/users/10001", "/api/users/-1",
                    "/api/users/99999999999", "/api/users/abc", "/api/users/1.5"));
        }
        if (workloads.contains(Workload.IO)) {
            targets.addAll(List.of("/io?ms=0", "/io?ms=10", "/io", "/io?ms=abc", "/io?ms=-1", "/io?ms=10001"));
        }
        if (workloads.contains(Workload.CPU)) {
            targets.addAll(List.of("/cpu?n=1", "/cpu?n=100", "/cpu?n=10000", "/cpu", "/cpu?n=abc", "/cpu?n=0", "/cpu?n=1000001"));
        }
        return targets.stream().map(ReplayRequest::get).toList();
    }
}
