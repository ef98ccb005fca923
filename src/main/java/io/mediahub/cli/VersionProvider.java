package io.mediahub.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by the build). */
public class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"Mediahub " + (v == null ? "(development build)" : v), "Apache Camel " + org.apache.camel.main.Main.class.getPackage().getImplementationVersion(),
                "Java " + System.getProperty("java.version")};
    }
}
