package dev.tenet.rules.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Markdown body of a rule, split into its {@code ## } sections, with the code blocks of each. */
public final class RuleBody {
    public static final String WHY = "Why";
    public static final String DO = "Do";
    public static final String DONT = "Don't";
    public static final String HOW_TO_FIX = "How to fix";
    public static final List<String> REQUIRED_SECTIONS = List.of(WHY, DO, DONT, HOW_TO_FIX);

    private final String markdown;
    private final Map<String, String> sections;

    private RuleBody(String markdown, Map<String, String> sections) {
        this.markdown = markdown;
        this.sections = sections;
    }

    /** Splits Markdown into sections by level-two headings; text before the first heading is ignored. */
    public static RuleBody parse(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            }
            if (!inFence && line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, text.toString().strip());
                }
                current = line.substring(3).strip();
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, text.toString().strip());
        }
        return new RuleBody(markdown, Map.copyOf(sections));
    }

    public String markdown() {
        return markdown;
    }

    public Optional<String> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    public Map<String, String> sections() {
        return sections;
    }

    /** The fenced code blocks of a section whose info string is {@code language} (e.g. {@code java}). */
    public List<String> codeBlocks(String sectionName, String language) {
        List<String> blocks = new ArrayList<>();
        String section = sections.get(sectionName);
        if (section == null) {
            return blocks;
        }
        StringBuilder block = null;
        for (String line : section.split("\n", -1)) {
            if (block == null && line.startsWith("```")) {
                String info = line.substring(3).strip();
                block = info.equals(language) ? new StringBuilder() : null;
                if (block == null) {
                    block = new StringBuilder("\u0000skip");
                }
            } else if (block != null && line.startsWith("```")) {
                if (!block.toString().startsWith("\u0000skip")) {
                    blocks.add(block.toString());
                }
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }
}
