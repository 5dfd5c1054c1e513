package dev.stackbench.runner;

import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.lab.contestant.InstallStatus;
import dev.stackbench.lab.contestant.Installation;
import dev.stackbench.lab.contestant.Setup;
import dev.stackbench.lab.manifest.Catalog;
import dev.stackbench.results.ContestantStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Before a run: which of the selected contestants can be measured. Installs what is missing
 * (unless told not to) and records the rest in the run as not installed, with the reason.
 */
public final class Preparation {
    private final Installation installation;
    private final boolean install;
    private final Path logs;
    private final RunListener listener;

    /**
     * @param install whether to install missing contestants ({@code stackbench setup}); false: report them
     * @param logs    where the install logs go
     */
    public Preparation(Installation installation, boolean install, Path logs, RunListener listener) {
        this.installation = installation;
        this.install = install;
        this.logs = logs;
        this.listener = listener;
    }

    /**
     * @param entries the selected catalog entries, in plan order
     * @param runner  where contestants that will not be measured are recorded
     * @return the installed contestants, in plan order
     */
    public List<ContestantInfo> installed(List<Catalog.Entry> entries, SuiteRunner runner) {
        List<ContestantInfo> ready = new ArrayList<>();
        List<ContestantInfo> missing = new ArrayList<>();
        for (Catalog.Entry e : entries) {
            if (e instanceof Catalog.Invalid invalid) {
                runner.skipped(null, invalid.id(), new ContestantStatus.NotInstalled("invalid manifest: " + invalid.error().getMessage()));
                continue;
            }
            ContestantInfo info = installation.inspect(((Catalog.Valid) e).manifest());
            (info.status() instanceof InstallStatus.Installed ? ready : missing).add(info);
        }
        List<ContestantInfo> stillMissing = missing;
        if (!missing.isEmpty() && install) {
            listener.step(missing.size() + " of " + entries.size() + " contestants are not installed yet; installing them as"
                    + " 'stackbench setup' does (package downloads and builds can take minutes)");
            stillMissing = new ArrayList<>();
            for (ContestantInfo info : new Setup(installation, logs, listener::step).run(missing.stream().map(ContestantInfo::manifest).toList())) {
                (info.status() instanceof InstallStatus.Installed ? ready : stillMissing).add(info);
            }
        }
        for (ContestantInfo info : stillMissing) {
            runner.skipped(info, info.manifest().id(), new ContestantStatus.NotInstalled(((InstallStatus.NotInstalled) info.status()).reason()));
        }
        List<String> order = entries.stream().map(Catalog.Entry::id).toList();
        ready.sort(Comparator.comparingInt(i -> order.indexOf(i.manifest().id())));
        return ready;
    }
}
