import GuideDocument
import GuideKnowledge

/// `fence-swallows-line`: a code block's first line is not written on its opening fence.
struct FenceSwallowsLineRule: GuideRule {
    static let description = RuleDescription(
        id: "fence-swallows-line",
        kind: .syntax,
        severity: .error,
        summary: "Content written on the opening fence line (```yaml identity_providers:) is the info string, not part of the block.",
        explanation: """
            CommonMark takes everything after the opening fence's backticks, up to the end of \
            that line, as the block's info string (CommonMark spec, "Fenced code blocks"): it is \
            never part of the code. A line such as ```` ```yaml identity_providers: ```` \
            therefore opens a YAML block whose first line is missing — the reader copies a \
            configuration without its top-level key, and Authelia or the application reads \
            something else entirely. GuideKit reports a second word on the fence line that \
            looks like a first line of the block's language: a YAML key (`name:`) or list \
            item, an assignment to an upper-case name (`NAME=value`), or a shell prompt \
            (`$ command`); lower-case `name="value"` pairs are attributes in other tools \
            (MkDocs' `title="…"`). Attributes in braces \
            (`{title=".env"}`) are info-string syntax and are not reported; such words after \
            them are.
            """,
        reads: [.codeBlocks],
        basis: [RuleBasis(.specification, "CommonMark 0.31.2, 4.5 Fenced code blocks: the rest of the opening fence line is the info string, not content")],
        triggeringExamples: [
            """
            ```yaml ↓identity_providers:
              oidc:
                clients: []
            ```
            """,
            """
            ```shell ↓OIDC_CLIENT_ID=app
            OIDC_CLIENT_SECRET=secret
            ```
            """,
            """
            ```yaml {title="configuration.yml"} ↓identity_providers:
              oidc:
                clients: []
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {title="configuration.yml"}
            identity_providers:
              oidc:
                clients: []
            ```
            """,
            """
            ```shell {title=".env"}
            OIDC_CLIENT_ID=app
            ```
            """,
            // MkDocs writes attributes without braces.
            """
            ```yaml title="configuration.yml" linenums="1"
            identity_providers: {}
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        for block in guide.codeBlocks where block.isFenced {
            // The words after the language, as InfoString read them from the fence line.
            guard let rest = block.info.trailingText, Self.looksLikeContent(rest.value) else { continue }
            findings.append(finding(guide, at: rest,
                                    "'\(rest.value)' is on the opening fence line, so it is the info string and not part of the block: the block starts without it",
                                    help: "move '\(rest.value)' to its own line below the fence"))
        }
        return findings
    }

    /// A YAML key or list item, an assignment, or a shell prompt.
    static func looksLikeContent(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return false }
        if text.hasPrefix("- ") || text.hasPrefix("$ ") { return true }
        let isNameStart = first.properties.isAlphabetic || first == "_"
        guard isNameStart else { return false }
        var index = 0
        while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index])
                || scalars[index] == "_" || scalars[index] == "-" || scalars[index] == "." { index += 1 }
        guard index < scalars.count else { return false }
        // `NAME=value` is an environment assignment only with an upper-case name: lower-case
        // `title="x"`, `linenums="1"` or `hl_lines="2"` are info-string attributes in other
        // Markdown tools (MkDocs writes them without braces).
        if scalars[index] == "=" {
            return scalars[..<index].allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
        return scalars[index] == ":" && (index + 1 == scalars.count || scalars[index + 1] == " ")
    }
}
