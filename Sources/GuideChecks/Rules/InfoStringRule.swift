import GuideDocument
import GuideKnowledge

/// `info-string`: code-block info strings are well formed and declare known roles.
struct InfoStringRule: GuideRule {
    static let description = RuleDescription(
        id: "info-string",
        kind: .syntax,
        severity: .warning,
        summary: "A code block's info string is malformed or declares an unknown role.",
        explanation: """
            A block declares its role with `guide="ROLE"` in braces after the language, e.g. \
            ```` ```yaml {guide="authelia-client"} ````. Known roles: \
            \(BlockRole.allCases.map(\.rawValue).joined(separator: ", ")). An unknown role means \
            the block is silently not checked; an unclosed quote or brace usually breaks the \
            title shown by the documentation site.
            """,
        reads: [.codeBlocks],
        basis: [
            RuleBasis(.specification, "CommonMark 0.31.2, 4.5 Fenced code blocks (info string)"),
            RuleBasis(.guideKit, "the {guide=\"...\"} roles of the guide format (docs/FORMAT.md)"),
        ],
        triggeringExamples: [
            """
            ```yaml {↓guide="authelia-clients"}
            - client_id: 'app'
            ```
            """,
            """
            ```yaml {title=↓"configuration.yml}
            key: value
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml{title="configuration.yml" guide="ignore"}
            key: value
            ```
            """,
            """
            ``` yaml {title="configuration.yml"}
            key: value
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        for block in guide.codeBlocks {
            for problem in block.info.problems {
                switch problem {
                case .unclosedQuote(let attribute, let location):
                    findings.append(finding(guide, at: location, "the quote opened for '\(attribute)' is never closed",
                                            help: "add the closing quote"))
                case .unclosedBrace(let location):
                    findings.append(finding(guide, at: location, "the '{' of the attributes is never closed",
                                            help: "add '}' at the end of the info string"))
                }
            }
            if let declared = block.info.attributes.first(where: { $0.name == "guide" }), block.role == nil {
                let value = declared.value ?? ""
                let known = BlockRole.allCases.map(\.rawValue)
                let hint = Suggestion.closest(to: value, in: known).map { "did you mean '\($0)'?" }
                    ?? "known roles: \(known.joined(separator: ", "))"
                findings.append(finding(guide, at: declared.location, length: declared.name.count + value.count + 3,
                                        "unknown block role '\(value)'; the block is not checked", help: hint))
            }
        }
        return findings
    }
}
