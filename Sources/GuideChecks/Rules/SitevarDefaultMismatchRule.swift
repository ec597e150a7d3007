import GuideDocument
import GuideKnowledge

/// `sitevar-default-mismatch`: one site variable has one default throughout a guide.
struct SitevarDefaultMismatchRule: GuideRule {
    static let description = RuleDescription(
        id: "sitevar-default-mismatch",
        kind: .template,
        severity: .error,
        summary: "One site variable written with different `nojs` defaults in the same guide.",
        explanation: """
            A `sitevar` shortcode's `nojs` value is what every reader without JavaScript sees, \
            and what the raw Markdown on GitHub shows. When the same variable defaults to \
            `auth` in the assumptions and to `authn` in a `token_url`, those readers get two \
            different hosts: the application is configured against one Authelia and the guide \
            checks another, and GuideKit itself (which checks the defaults) compares values no \
            reader with their own domain would see. Each occurrence whose default differs from \
            the guide's usual one (the one most of its occurrences use) is reported; the fix \
            writes the usual default, and is offered only when one default is used more often \
            than any other.
            """,
        reads: [.text],
        basis: [RuleBasis(.guideConsistency, "every sitevar shortcode of one name in the same guide (the shortcode of Authelia's documentation site, docs/layouts/_shortcodes/sitevar.html in authelia/authelia, shows its nojs value without JavaScript)")],
        triggeringExamples: [
            """
            - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.example.com`
            - Token URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.example.com/api/oidc/token`
            - User Info URL: `https://↓{{< sitevar name="subdomain-authelia" nojs="authn" >}}.example.com/api/oidc/userinfo`
            """,
        ],
        nonTriggeringExamples: [
            """
            - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}`
            - Token URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/api/oidc/token`
            """,
        ],
        fixExamples: [
            FixExample(
                """
                - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.example.com`
                - Token URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.example.com/api/oidc/token`
                - User Info URL: `https://↓{{< sitevar name="subdomain-authelia" nojs="authn" >}}.example.com/api/oidc/userinfo`

                """,
                """
                - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.example.com`
                - Token URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.example.com/api/oidc/token`
                - User Info URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.example.com/api/oidc/userinfo`

                """),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        // Markdown shown as an example (a `markdown` block, a block marked ignore) is text,
        // not the page's own shortcodes.
        let examples = guide.codeBlocks.filter { $0.role == .ignore || ["markdown", "md", "mdx"].contains($0.language ?? "") }
            .map { $0.location.line...max($0.location.line, $0.lineAfterContent) }
        var byName: [String: [SitevarShortcode]] = [:]
        for shortcode in guide.source.shortcodes where !examples.contains(where: { $0.contains(shortcode.location.line) }) {
            byName[shortcode.name, default: []].append(shortcode)
        }
        var findings: [Finding] = []
        for (name, uses) in byName.sorted(by: { $0.key < $1.key }) {
            var counts: [String: Int] = [:]
            var firstUse: [String: Int] = [:]
            for (index, use) in uses.enumerated() {
                counts[use.defaultValue, default: 0] += 1
                if firstUse[use.defaultValue] == nil { firstUse[use.defaultValue] = index }
            }
            guard counts.count > 1 else { continue }
            // The usual default: the most used, the first written on a tie.
            let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : firstUse[$0.key]! < firstUse[$1.key]! }
            let usual = ranked[0].key
            let certain = ranked[0].value > ranked[1].value
            guard let first = uses.first(where: { $0.defaultValue == usual }) else { continue }
            for use in uses where use.defaultValue != usual {
                let message = "site variable '\(name)' defaults to '\(use.defaultValue)' here but to '\(usual)' at line \(first.location.line)"
                    + " (\(counts[usual]!) of \(uses.count) uses): readers without JavaScript, and the Markdown on GitHub, see two different hosts"
                findings.append(finding(guide, at: use.location, length: use.length, message, help: "write nojs=\"\(usual)\" as the rest of the guide does",
                                        subject: "\(name)=\(use.defaultValue)")
                    .with(certain ? fix(use, to: usual, in: guide) : nil))
            }
        }
        return findings
    }

    /// Rewrites the `nojs` value of one shortcode, found in the line as written.
    private func fix(_ shortcode: SitevarShortcode, to value: String, in guide: Guide) -> Fix? {
        let line = guide.source.originalLine(shortcode.location.line)
        let scalars = Array(line.unicodeScalars)
        let start = shortcode.location.column - 1
        guard start >= 0, start + shortcode.length <= scalars.count else { return nil }
        let text = String(String.UnicodeScalarView(scalars[start..<(start + shortcode.length)]))
        guard let key = text.range(of: "nojs=\"") else { return nil }
        let valueStart = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: key.upperBound)
        let rest = text[key.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let length = rest[..<end].unicodeScalars.count
        let edit = TextEdit(line: shortcode.location.line, column: shortcode.location.column + valueStart, length: length, replacement: value)
        return Fix("write the usual default '\(value)'", edits: [edit])
    }
}
