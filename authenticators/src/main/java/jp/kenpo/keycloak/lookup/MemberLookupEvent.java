package jp.kenpo.keycloak.lookup;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The server time of one dependent lookup (the database search and the comparison), as a JDK Flight
 * Recorder event: union IT (and {@code ./bench.sh}) can see it in a running Keycloak with {@code jcmd
 * <pid> JFR.start}; nothing is recorded, or costs anything, otherwise. It carries no member data.
 */
@Name(MemberLookupEvent.NAME)
@Label("Kenpo member lookup")
@Category({"Kenpo", "Lookup"})
@Description("One search for the member a dependent described")
@StackTrace(false)
final class MemberLookupEvent extends Event {

    static final String NAME = "jp.kenpo.keycloak.MemberLookup";

    @Label("Found")
    boolean found;
}
