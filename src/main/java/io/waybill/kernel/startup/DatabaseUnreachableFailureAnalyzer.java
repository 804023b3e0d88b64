package io.waybill.kernel.startup;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A start-up that cannot reach or log in to the configured PostgreSQL ends with where it tried and
 * what to check; Boot itself prints a page of stack trace for it. Recognised by the SQL state
 * PostgreSQL's driver gives: class 08 (connection), 28 (authentication), 3D000 (no such database).
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null || !(state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        // A JDBC URL may carry a password among its parameters: only the address is shown.
        int query = url.indexOf('?');
        String where = url.isBlank() ? "the embedded PostgreSQL" : query < 0 ? url : url.substring(0, query);
        String what = state.startsWith("28") ? "could not log in to"
                : state.equals("3D000") ? "did not find its database at" : "could not connect to";
        return new FailureAnalysis("Waybill " + what + " PostgreSQL (" + where + "): " + cause.getMessage(),
                "Check that PostgreSQL is running and reachable from this machine, and that SPRING_DATASOURCE_URL, "
                        + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD are right (the database must "
                        + "exist; Waybill creates its tables). To try Waybill without a database of your own, unset "
                        + "SPRING_DATASOURCE_URL: it then starts an embedded PostgreSQL.", cause);
    }
}
