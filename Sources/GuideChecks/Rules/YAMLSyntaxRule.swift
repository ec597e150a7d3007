import GuideDocument
import GuideKnowledge

/// `yaml-syntax`: the Authelia client block must be valid YAML.
struct YAMLSyntaxRule: GuideRule {
    static let description = RuleDescription(
        id: "yaml-syntax",
        kind: .syntax,
        severity: .error,
        summary: "The Authelia client block is not valid YAML.",
        explanation: """
            A reader pastes the Authelia block into configuration.yml; if it does not parse, \
            Authelia refuses to start. The finding points at the place the YAML parser gave up \
            (often the line after the real mistake: check indentation and quotes just above it). \
            A value written in backticks (Markdown's code marks, copied from the prose) is named \
            as such: a backtick cannot start a YAML value.
            """,
        reads: [.codeBlocks],
        basis: [
            RuleBasis(.specification, "YAML 1.2.2 specification, yaml.org/spec/1.2.2"),
            RuleBasis(.autheliaValidator, "configuration loading, internal/configuration/sources.go and provider.go (authelia/authelia): the file is read with koanf's YAML parser, and one that does not parse stops Authelia before any validation"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    client_name: ↓'App
                    public: false
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                  ↓public: false
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    scopes: [↓`openid`, 'profile']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    public: false
            ```
            """,
            // YAML that is not Authelia configuration is not this rule's business.
            """
            ```yaml
            services: [
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        return guide.codeBlocks.compactMap { block in
            guard block.role == .autheliaClient, case .failure(let error)? = block.yaml else { return nil }
            if let quote = unbalancedQuote(in: guide.source, lines: block.contentFirstLine..<error.location.line) {
                return finding(guide, at: quote,
                               "invalid YAML: this quote is never closed on its line, so the string runs on until line \(error.location.line), where the parser stopped",
                               help: "close the quote on this line")
            }
            // Markdown inside YAML: `value` in backticks (a reserved character that cannot
            // start a YAML value), typically copied from the guide's prose.
            let line = Array(guide.source.originalLine(error.location.line).unicodeScalars)
            if error.location.column >= 1, error.location.column <= line.count, line[error.location.column - 1] == "`" {
                return finding(guide, at: error.location,
                               "invalid YAML: a value starts with a backtick — backticks are Markdown code marks, and inside a code block they are literal characters YAML refuses; Authelia would not start",
                               help: "write the value in single quotes instead of backticks")
            }
            return finding(guide, at: error.location, error.message,
                           help: "fix the YAML so Authelia can read it; indentation must use spaces")
        }
    }

    /// A quoted YAML string that opens after `key: ` and does not close on its line is almost
    /// always the real mistake behind an error reported lines later.
    private func unbalancedQuote(in source: PreparedSource, lines: Range<Int>) -> SourceLocation? {
        for line in lines.reversed() {
            let text = source.originalLine(line)
            let scalars = Array(text.unicodeScalars)
            guard let colon = text.literalRange(of: ": ")?.upperBound ?? text.literalRange(of: "- ")?.upperBound else { continue }
            let start = text.unicodeScalars.distance(from: text.startIndex, to: colon)
            guard start < scalars.count, scalars[start] == "'" || scalars[start] == "\"" else { continue }
            let quote = scalars[start]
            let rest = scalars[(start + 1)...]
            let closes = quote == "'" ? rest.contains("'") : rest.contains("\"")
            // Measured on the line as written: already the file's own column.
            if !closes { return SourceLocation(line: line, column: start + 1) }
        }
        return nil
    }
}
