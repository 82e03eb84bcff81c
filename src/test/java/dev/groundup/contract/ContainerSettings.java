package dev.groundup.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-application settings files that docs/deploying.md shows (docs/containers/), filled in with
 * this run's values: the suite deploys through the very files a reader copies, so a snippet that
 * stops working, or loses a setting the suite sets, fails the suite.
 */
final class ContainerSettings {
    private ContainerSettings() {
    }

    /** docs/containers/tomcat/groundup.xml with each {@code <Parameter>} named in {@code settings} set to its value. */
    static String tomcat(Map<String, String> settings) {
        String xml = read("tomcat/groundup.xml");
        for (var setting : settings.entrySet()) {
            xml = replaceOnce(xml, "(<Parameter name=\"" + Pattern.quote(setting.getKey()) + "\" value=\")[^\"]*(\")",
                    setting.getValue(), setting.getKey());
        }
        return xml;
    }

    /** docs/containers/jetty/groundup.xml deploying {@code war} at {@code contextPath} ("/" for the root), with {@code settings}. */
    static String jetty(String contextPath, Path war, Map<String, String> settings) {
        String xml = read("jetty/groundup.xml");
        xml = replaceOnce(xml, "(<Set name=\"contextPath\">)[^<]*(</Set>)", contextPath, "contextPath");
        xml = replaceOnce(xml, "(<Set name=\"war\">)[^<]*(</Set>)", war.toString(), "war");
        for (var setting : settings.entrySet()) {
            xml = replaceOnce(xml, "(<Arg>" + Pattern.quote(setting.getKey()) + "</Arg><Arg>)[^<]*(</Arg>)",
                    setting.getValue(), setting.getKey());
        }
        return xml;
    }

    static Path file(String name) {
        return Servers.path("groundup.containerSettings").resolve(name);
    }

    private static String read(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String replaceOnce(String xml, String regex, String value, String what) {
        Matcher matcher = Pattern.compile(regex).matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException("docs/containers: a settings file has no " + what + " to set");
        }
        String replaced = xml.substring(0, matcher.start()) + matcher.group(1) + escape(value) + matcher.group(2)
                + xml.substring(matcher.end());
        if (matcher.find()) {
            throw new IllegalStateException("docs/containers: a settings file sets " + what + " twice");
        }
        return replaced;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
