import GuideDocument
import GuideKnowledge

/// `unknown-directive`: every `guidekit-…` comment is a directive GuideKit knows.
struct UnknownDirectiveRule: GuideRule {
    static let description = RuleDescription(
        id: "unknown-directive",
        kind: .suppression,
        severity: .warning,
        summary: "A guidekit- comment is not a directive GuideKit knows, so it does nothing.",
        explanation: """
            GuideKit reads three directives: `guidekit-disable` (the next block), \
            `guidekit-disable-next-line` (the next line; in prose as an HTML comment, inside a \
            code block as a comment in the block's own syntax, `# guidekit-disable-next-line \
            RULE: reason`) and `guidekit-disable-file` (the whole file, in prose). Anything \
            else that starts with `guidekit-` — a typo, `guidekit-disable-line`, a file-wide \
            directive inside a code block — is ignored, and the findings it was meant to \
            silence stay. Use one of the three.
            """,
        reads: [.suppressions],
        basis: [RuleBasis(.guideKit, "suppression comments (docs/CI.md)")],
        triggeringExamples: [
            """
            ↓<!-- guidekit-disable-line client-id-mismatch: typo in the directive -->
            Some text.
            """,
            """
            ```yaml {guide="authelia-client"}
            # ↓guidekit-disable-file client-id-mismatch: file scope belongs in prose
            key: value
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            <!-- guidekit-disable-file line-too-long: the guide embeds a generated key on purpose -->
            Some text.
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let known = Suppression.Scope.allNames
        return context.guide.unknownDirectives.map { directive in
            let name = directive.value.split(separator: " ").first.map(String.init) ?? directive.value
            if directive.value.hasSuffix(" inside a code block") {
                return finding(context.guide, at: directive, "'\(name)' does not work inside a code block; it is ignored",
                               help: "inside a code block only guidekit-disable-next-line works; put \(name) in an HTML comment in the prose")
            }
            let hint = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" } ?? "known directives: \(known.joined(separator: ", "))"
            return finding(context.guide, at: directive, "'\(name)' is not a GuideKit directive; it is ignored", help: hint)
        }
    }
}
