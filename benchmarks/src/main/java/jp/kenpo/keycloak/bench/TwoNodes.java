package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;

/**
 * {@code ./bench.sh --two-nodes} (issue 19, target 5): after the single node's steps, the same logins A, B, C0 and C
 * on {@link KeycloakPair two nodes of the same build behind HAProxy}, on the same database and members, warmed up
 * and measured in alternating rounds as on the single node. The primary figure is Keycloak CPU seconds per login of
 * both JVMs added up, against the single node's rounds of the same run. On a machine of two cores two nodes share
 * the cores one node had: they cannot show scale-out (more logins per second), only what a login costs in a cluster.
 */
final class TwoNodes {

    /**
     * The phase's figures: each flow's windows summed, each round's figures, the warm-up, each node's share of the
     * Keycloak CPU and of the requests during the rounds, and HAProxy's CPU; or why the phase failed.
     */
    record Result(List<LoginLoad.Result> logins, List<Report.Round> perRound, List<Report.WarmUp> warmUps,
                  double[] nodeCpuSeconds, long[] nodeRequests, double balancerCpuSeconds, String failure) {

        static Result failed(String why) {
            return new Result(List.of(), List.of(), List.of(), new double[0], new long[0], 0, why);
        }

        long loginsMeasured() {
            return logins.stream().mapToLong(LoginLoad.Result::logins).sum();
        }
    }

    private TwoNodes() {
    }

    /**
     * Stops the single node (a node left running would join the new cluster through the database), starts the pair,
     * runs the warm-up and the rounds, and stops the pair again, also when something fails; a failure comes back
     * as the result's {@code failure}, so the report of everything before it is still written.
     */
    static Result run(ProductionKeycloak single, Postgres db, SmtpSink mail, List<String[]> otpMembers, int vus,
                      Benchmarks.WarmUpRule warmUpRule, int measure, int rounds, Path work, Path errors) throws InterruptedException {
        Benchmarks.say("Two nodes: stopping the single node, starting two nodes of its build behind HAProxy...");
        single.close();
        // A key mail of the single node's last windows that nobody read must not be taken for a new one.
        for (int i = 0; i < vus * LoginFlows.C_MEMBERS_PER_VU; i++) {
            mail.discard(LoginFlows.emailOf("c-" + i));
        }
        try (KeycloakPair pair = KeycloakPair.start(single.home(), db, mail.port(), work)) {
            Benchmarks.say("  nodes a (JVM pid " + pair.javaPids().get(0) + ") and b (JVM pid " + pair.javaPids().get(1)
                    + ") ready behind HAProxy at " + pair.baseUrl() + " (round robin, no stickiness)");
            var http = Browser.client();
            Oidc bench = PortalClient.of(pair.realmUrl("bench"), "kenpo-portal", http);
            Oidc kenpo = PortalClient.of(pair.realmUrl("kenpo"), "kenpo-portal", http);
            List<LoginLoad.Flow> flows = List.of(LoginFlows.passwordOnly(bench), LoginFlows.passwordAndOtp(bench, otpMembers),
                    LoginFlows.packWithoutKey(kenpo), LoginFlows.emailKey(kenpo, mail, new Latencies(), vus));
            List<Report.WarmUp> warmUps = Benchmarks.warmUp(flows, vus, warmUpRule, pair, db, errors);
            double[] cpuBefore = pair.cpuSecondsByNode();
            long[] requestsBefore = pair.requestsByNode();
            double balancerBefore = pair.balancerCpuSeconds();
            List<Report.Round> perRound = new ArrayList<>();
            Path log = work.resolve("bench.log");
            Map<String, LoginLoad.Result> byFlow = Benchmarks.rounds("Two nodes, round ", flows, vus, rounds, measure, pair, db,
                    flow -> new Profiler(pair.javaPids(), KeycloakPair.NODES.stream()
                            .map(n -> work.resolve("two-nodes-login-" + flow + "-" + n + ".jfr")).toList(), log),
                    errors, perRound);
            double[] cpuAfter = pair.cpuSecondsByNode();
            long[] requestsAfter = pair.requestsByNode();
            double[] nodeCpu = new double[cpuAfter.length];
            long[] nodeRequests = new long[requestsAfter.length];
            for (int i = 0; i < nodeCpu.length; i++) {
                nodeCpu[i] = cpuAfter[i] - cpuBefore[i];
                nodeRequests[i] = requestsAfter[i] - requestsBefore[i];
            }
            Result result = new Result(flows.stream().map(f -> byFlow.get(f.name())).filter(r -> r != null).toList(), perRound,
                    warmUps, nodeCpu, nodeRequests, pair.balancerCpuSeconds() - balancerBefore, null);
            Benchmarks.say(String.format(java.util.Locale.ROOT, "  node a %.0f %% of the Keycloak CPU in the rounds; requests a %d, b %d; "
                            + "HAProxy %.1f ms CPU per login", 100 * nodeCpu[0] / Math.max(1e-9, nodeCpu[0] + nodeCpu[1]),
                    nodeRequests[0], nodeRequests[1], 1000 * result.balancerCpuSeconds() / Math.max(1, result.loginsMeasured())));
            Benchmarks.say("Stopping the two nodes and HAProxy...");
            return result;
        } catch (IOException | RuntimeException e) {
            Benchmarks.say("  the two-node phase failed: " + e);
            return Result.failed(e.toString());
        }
    }
}
