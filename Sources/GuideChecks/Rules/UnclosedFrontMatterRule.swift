import GuideDocument
import GuideKnowledge

/// `unclosed-front-matter`: front matter that opens also closes.
struct UnclosedFrontMatterRule: GuideRule {
    static let description = RuleDescription(
        id: "unclosed-front-matter",
        kind: .syntax,
        severity: .error,
        summary: "The front matter opened on line 1 is never closed.",
        explanation: """
            Hugo front matter starts with `---` on the first line and ends at the next `---`. \
            Without the closing line, Hugo cannot build the page, and GuideKit reads the \
            title, `authelia_version` and application of the guide from nothing. Add `---` \
            after the last front matter key.
            """,
        reads: [.headings],
        basis: [RuleBasis(.specification, "Hugo front matter (gohugo.io/content-management/front-matter/): delimited by --- or +++ lines")],
        triggeringExamples: [
            """
            ↓---
            title: "Grafana"
            authelia_version: "4.39"

            # Grafana
            """,
        ],
        nonTriggeringExamples: [
            """
            ---
            title: "Grafana"
            ---

            # Grafana
            """,
            """
            # Grafana

            ---

            Text after a rule.
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let source = context.guide.source
        guard source.frontMatter == nil, source.originalLine(1).trimmingSpaces() == "---" else { return [] }
        // Only when the next line reads like front matter (`key: value`): a leading `---` may
        // also be a plain thematic break.
        let next = source.originalLine(2)
        let key = next.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !key.isEmpty, next.dropFirst(key.count).hasPrefix(":") else { return [] }
        return [finding(context.guide, at: SourceLocation(line: 1, column: 1), length: 3,
                        "the front matter opened here is never closed with '---'",
                        help: "add a line '---' after the last front matter key")]
    }
}
