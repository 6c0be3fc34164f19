package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;

/**
 * {@code ./bench.sh --two-nodes} (issue 19, target 5): the logins A, B, C0 and C on {@link KeycloakPair two nodes of the
 * same build behind HAProxy} against one node of that build, in alternating windows (A on one node, A on two nodes,
 * B on one node, …, the order reversed every round): this host changes speed by 2× within minutes, so only windows
 * side by side compare fairly. The one node runs on a copy of the pair's database taken when the phase starts (on the
 * same database it would join the pair's cluster through JDBC-ping); the realms, members and flows are the same. The
 * primary figure is Keycloak CPU seconds per login, of both JVMs added up for the pair, per round as a ratio. On a
 * machine of two cores two nodes share the cores one node had: they cannot show scale-out, only what a login costs in
 * a cluster.
 */
final class TwoNodes {

    /** The name of a flow's windows on the pair, in the warm-up's and the rounds' lists ("two-A" beside one node's "A"). */
    static final String ON_TWO_NODES = "two-";

    /** The database the one node runs on, a copy of Keycloak's. */
    private static final String SINGLE_DATABASE = "keycloak_single";

    /**
     * The phase's figures: each flow's windows summed and each round's figures, on two nodes and on one node; the
     * warm-up of both (the pair's flows named {@link #ON_TWO_NODES}…); each pair node's share of the Keycloak CPU and of
     * the requests during the rounds, and HAProxy's CPU; or why the phase failed.
     */
    record Result(List<LoginLoad.Result> logins, List<Report.Round> perRound, List<LoginLoad.Result> single,
                  List<Report.Round> singlePerRound, List<Report.WarmUp> warmUps,
                  double[] nodeCpuSeconds, long[] nodeRequests, double balancerCpuSeconds, String failure) {

        static Result failed(String why) {
            return new Result(List.of(), List.of(), List.of(), List.of(), List.of(), new double[0], new long[0], 0, why);
        }

        long loginsMeasured() {
            return logins.stream().mapToLong(LoginLoad.Result::logins).sum();
        }
    }

    private TwoNodes() {
    }

    /**
     * Stops the single node, copies its database, starts the pair on the database and the single node again on the
     * copy, runs the warm-up and the rounds over both in turn, and stops them again, also when something fails; a
     * failure comes back as the result's {@code failure}, so the report of everything before it is still written.
     */
    static Result run(ProductionKeycloak single, Postgres db, SmtpSink mail, List<String[]> otpMembers, int vus,
                      Benchmarks.WarmUpRule warmUpRule, int measure, int rounds, Path work, Path errors) throws InterruptedException {
        Benchmarks.say("Two nodes: stopping the single node, copying its database, starting two nodes of its build behind HAProxy "
                + "and the single node again on the copy...");
        single.close();
        // A key mail of the single node's last windows that nobody read must not be taken for a new one.
        for (int i = 0; i < vus * LoginFlows.C_MEMBERS_PER_VU; i++) {
            mail.discard(LoginFlows.emailOf("c-" + i));
        }
        ProductionKeycloak one = null;
        String copy;
        try {
            // Before the pair starts: PostgreSQL copies a database nobody is connected to.
            copy = db.copyOfKeycloakDatabase(SINGLE_DATABASE);
        } catch (RuntimeException e) {
            Benchmarks.say("  the two-node phase failed: " + e);
            return Result.failed(e.toString());
        }
        try (KeycloakPair pair = KeycloakPair.start(single.home(), db, mail.port(), work)) {
            one = ProductionKeycloak.startAgain(single.home(), copy, mail.port(), work.resolve("keycloak-single.log"));
            Benchmarks.say("  nodes a (JVM pid " + pair.javaPids().get(0) + ") and b (JVM pid " + pair.javaPids().get(1)
                    + ") ready behind HAProxy at " + pair.baseUrl() + " (round robin, no stickiness); one node (JVM pid "
                    + one.javaPid() + ") at " + one.baseUrl() + " on database " + SINGLE_DATABASE);
            var http = Browser.client();
            List<LoginLoad.Flow> onOne = flows(one.realmUrl("bench"), one.realmUrl("kenpo"), http, mail, otpMembers, vus);
            List<LoginLoad.Flow> onTwo = flows(pair.realmUrl("bench"), pair.realmUrl("kenpo"), http, mail, otpMembers, vus);
            // A on one node, A on two nodes, B on one node, …: each flow's two windows side by side.
            List<LoginLoad.Flow> flows = new ArrayList<>();
            for (int i = 0; i < onOne.size(); i++) {
                LoginLoad.Flow two = onTwo.get(i);
                flows.add(onOne.get(i));
                flows.add(new LoginLoad.Flow(ON_TWO_NODES + two.name(), two.description() + ", two nodes", two.steps(), two.login()));
            }
            ProductionKeycloak oneNode = one;
            Function<String, LoginLoad.Server> serverOf = flow -> flow.startsWith(ON_TWO_NODES) ? pair : oneNode;
            Path log = work.resolve("bench.log");
            Function<String, Profiler> profiler = flow -> flow.startsWith(ON_TWO_NODES)
                    ? new Profiler(pair.javaPids(), KeycloakPair.NODES.stream()
                            .map(n -> work.resolve("two-nodes-login-" + onTwoNodes(flow) + "-" + n + ".jfr")).toList(), log)
                    : new Profiler(oneNode.javaPid(), work.resolve("two-nodes-phase-one-node-login-" + flow + ".jfr"), log);
            if (rounds > 0) {
                Benchmarks.profilerWarmUp("Two nodes: ", flows, vus, serverOf, db, profiler, errors);
            }
            List<Report.WarmUp> warmUps = Benchmarks.warmUp(flows, vus, warmUpRule, serverOf, db, errors);
            double[] cpuBefore = pair.cpuSecondsByNode();
            long[] requestsBefore = pair.requestsByNode();
            double balancerBefore = pair.balancerCpuSeconds();
            List<Report.Round> perRound = new ArrayList<>();
            Map<String, LoginLoad.Result> byFlow = Benchmarks.rounds("Two nodes, round ", flows, vus, rounds, measure, serverOf, db,
                    profiler, errors, perRound);
            double[] cpuAfter = pair.cpuSecondsByNode();
            long[] requestsAfter = pair.requestsByNode();
            double[] nodeCpu = new double[cpuAfter.length];
            long[] nodeRequests = new long[requestsAfter.length];
            for (int i = 0; i < nodeCpu.length; i++) {
                nodeCpu[i] = cpuAfter[i] - cpuBefore[i];
                nodeRequests[i] = requestsAfter[i] - requestsBefore[i];
            }
            // Both lists keep the flows' own names (A, B, C0, C): the report compares them name by name.
            List<LoginLoad.Result> onPair = new ArrayList<>();
            List<LoginLoad.Result> onSingle = new ArrayList<>();
            for (LoginLoad.Flow f : onOne) {
                LoginLoad.Result two = byFlow.get(ON_TWO_NODES + f.name());
                if (two != null) {
                    onPair.add(renamed(two, f.name()));
                }
                if (byFlow.containsKey(f.name())) {
                    onSingle.add(byFlow.get(f.name()));
                }
            }
            List<Report.Round> pairRounds = perRound.stream().filter(r -> r.flow().startsWith(ON_TWO_NODES))
                    .map(r -> new Report.Round(r.round(), onTwoNodes(r.flow()), r.loginsPerSecond(), r.keycloakCpuPerLogin(),
                            r.argon2SamplesPerLogin(), r.otherSamplesPerHash(), r.threadsPerLogin())).toList();
            List<Report.Round> singleRounds = perRound.stream().filter(r -> !r.flow().startsWith(ON_TWO_NODES)).toList();
            Result result = new Result(onPair, pairRounds, onSingle, singleRounds, warmUps, nodeCpu, nodeRequests,
                    pair.balancerCpuSeconds() - balancerBefore, null);
            Benchmarks.say(String.format(java.util.Locale.ROOT, "  node a %.0f %% of the pair's Keycloak CPU in the rounds; requests a %d, b %d; "
                            + "HAProxy %.1f ms CPU per login", 100 * nodeCpu[0] / Math.max(1e-9, nodeCpu[0] + nodeCpu[1]),
                    nodeRequests[0], nodeRequests[1], 1000 * result.balancerCpuSeconds() / Math.max(1, result.loginsMeasured())));
            Benchmarks.say("Stopping the two nodes, HAProxy and the one node...");
            return result;
        } catch (IOException | RuntimeException e) {
            Benchmarks.say("  the two-node phase failed: " + e);
            return Result.failed(e.toString());
        } finally {
            if (one != null) {
                one.close();
            }
        }
    }

    /** The flow's own name (A, B, C0, C) of its windows on the pair. */
    private static String onTwoNodes(String flow) {
        return flow.substring(ON_TWO_NODES.length());
    }

    private static List<LoginLoad.Flow> flows(String benchRealm, String kenpoRealm, java.net.http.HttpClient http, SmtpSink mail,
                                              List<String[]> otpMembers, int vus) {
        Oidc bench = PortalClient.of(benchRealm, "kenpo-portal", http);
        Oidc kenpo = PortalClient.of(kenpoRealm, "kenpo-portal", http);
        return List.of(LoginFlows.passwordOnly(bench), LoginFlows.passwordAndOtp(bench, otpMembers),
                LoginFlows.packWithoutKey(kenpo), LoginFlows.emailKey(kenpo, mail, new Latencies(), vus));
    }

    private static LoginLoad.Result renamed(LoginLoad.Result r, String flow) {
        return new LoginLoad.Result(flow, r.description(), r.users(), r.seconds(), r.logins(), r.errors(), r.keycloakCpuSeconds(),
                r.databaseCpuSeconds(), r.driverCpuSeconds(), r.machineBusy(), r.keycloakThreads(), r.steps(), r.requests(), r.total(),
                r.profile(), r.nativeProfile(), r.emailKeyEvents());
    }
}
