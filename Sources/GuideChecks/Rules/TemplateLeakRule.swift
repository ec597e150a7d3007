import Foundation
import GuideDocument
import GuideKnowledge

/// `template-leak`: in a guide written with site variables, no host is written literally.
struct TemplateLeakRule: GuideRule {
    static let description = RuleDescription(
        id: "template-leak",
        kind: .template,
        severity: .error,
        summary: "A host written literally (auth.example.com), a subdomain typed before the domain variable, or a doubled subdomain, in a guide that builds its hosts from site variables.",
        explanation: """
            The upstream Authelia guides build every host from site variables \
            (`{{< sitevar name="domain" nojs="example.com" >}}`), so a reader who sets their own \
            domain on the website sees their own hosts everywhere. A host typed out literally \
            (`https://auth.example.com/…` in a command, a URL or a code span) stays \
            `example.com` for that reader: the guide works for the default site only. A literal \
            subdomain next to the subdomain variable (`auth.{{< sitevar name="subdomain-authelia" \
            … >}}`) doubles it for everyone (`auth.auth.example.com`), and one typed before the \
            domain variable (`auth.{{< sitevar name="domain" … >}}`) pins the Authelia subdomain \
            that the rest of the guide takes from `subdomain-authelia`. The rule renders each \
            such line for a canary site (domain `canary-site.test`, Authelia subdomain `login`), \
            as Hugo would for a reader with their own values, and reports every place where the \
            canary still shows the example host, `auth.` or a doubled subdomain, at its position \
            in the source. Write the host with the site variables as the rest of the guide does.
            """,
        reads: [.assumptions],
        basis: [
            RuleBasis(.guideConsistency, "hosts built from the site variables elsewhere in the same guide"),
            RuleBasis(.specification, "the sitevar shortcode of Authelia's documentation site (docs/layouts/_shortcodes/sitevar.html in authelia/authelia): replaced by the reader's own value"),
        ],
        triggeringExamples: [
            """
            ### Assumptions
            - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`

            Then open `https://↓auth.example.com/.well-known/openid-configuration`.
            """,
            """
            ### Assumptions
            - Authelia Root URL: `https://auth.↓{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`
            """,
            """
            ### Assumptions
            - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`

            ```env
            OIDC_ISSUER_URL=https://↓auth.{{< sitevar name="domain" nojs="example.com" >}}
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`

            Django creates a default site named `example.com`; rename it.
            """,
            """
            ### Assumptions
            - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`

            ```env
            OIDC_ISSUER_URL=https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}
            APP_URL=https://oauth.{{< sitevar name="domain" nojs="example.com" >}}
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        let source = guide.source
        // A guide written with site variables: its assumptions use them (a page that merely
        // shows the shortcode in an example is not one).
        guard guide.assumptions.contains(where: { $0.rawValue.map { source.hasShortcodes(line: $0.location.line) } ?? false }) else { return [] }
        let domains = Set(source.shortcodes.filter { $0.name == "domain" }.map(\.defaultValue)).filter { $0.containsLiteral(".") }
        guard !domains.isEmpty else { return [] }
        let subdomains = Set(source.shortcodes.filter { $0.name.hasPrefix("subdomain") }.map(\.defaultValue)).filter { !$0.isEmpty }
        var codeLines = Set<Int>()
        for block in guide.codeBlocks { codeLines.formUnion(block.contentFirstLine..<block.lineAfterContent) }
        var findings: [Finding] = []
        // Only lines that name a domain or write a subdomain before a shortcode can leak; one
        // search of the whole file finds them.
        let needles = Array(domains) + subdomains.map { $0 + ".{{<" }
        let candidates = Set(needles.flatMap { source.originalText.lineNumbers(containing: $0) }).sorted()
        for number in candidates {
            let line = source.originalLine(number)
            let shortcodes = source.shortcodes(onLine: number)  // scanned once, when the file was read
            // Most such lines name the domain only inside shortcodes (`nojs="example.com"`):
            // nothing typed, skip them before rendering the line.
            guard subdomains.contains(where: { line.containsLiteral($0 + ".{{<") })
                    || domains.contains(where: { Self.occurs($0, in: line, outside: shortcodes.map(\.range)) })
            else { continue }
            // The line as a reader with another domain and Authelia subdomain sees it.
            let canary = CanaryLine(line, shortcodes: shortcodes)
            let text = canary.text
            // The example domain survives only where it was typed.
            for host in Self.literalHosts(in: text, under: domains)
            where canary.isTyped(host.start..<(host.start + host.length)) && (codeLines.contains(number) || Self.isCode(text, at: host.start)) {
                let written = String(scalars: canary.scalars[host.start..<(host.start + host.length)])
                findings.append(finding(guide, at: SourceLocation(line: number, column: canary.originalColumn(host.start)), length: host.length,
                                        "'\(written)' is written literally; the rest of the guide builds this host from the site variables, so readers with their own domain get the example host here",
                                        help: "write the host with the sitevar shortcodes, as in the assumptions"))
            }
            // A subdomain typed right before a variable: `auth.{{< sitevar name="subdomain-authelia" … >}}`
            // doubles it, `auth.{{< sitevar name="domain" … >}}` pins it (the canary shows
            // `auth.login.canary-site.test` and `auth.canary-site.test`).
            for span in canary.spans where span.shortcode.name == "domain" || span.shortcode.name.hasPrefix("subdomain") {
                for subdomain in subdomains.sorted() {
                    let typed = Array((subdomain + ".").unicodeScalars)
                    let start = span.rendered.lowerBound - typed.count
                    guard start >= 0, Array(canary.scalars[start..<span.rendered.lowerBound]) == typed,
                          canary.isTyped(start..<span.rendered.lowerBound),
                          start == 0 || !canary.scalars[start - 1].isHostCharacter else { continue }
                    let shortcode = span.shortcode
                    if shortcode.name == "domain" {
                        findings.append(finding(guide, at: SourceLocation(line: number, column: canary.originalColumn(start)), length: typed.count,
                                                "'\(subdomain).' is typed before the domain variable; the rest of the guide builds this host from the \(variable(for: subdomain, in: source)) variable, so readers whose subdomain is not '\(subdomain)' get '\(subdomain).<their domain>' here",
                                                help: "write {{< sitevar name=\"\(variable(for: subdomain, in: source))\" nojs=\"\(subdomain)\" >}}. instead of '\(subdomain).'"))
                    } else if shortcode.defaultValue == subdomain {
                        findings.append(finding(guide, at: shortcode.location, length: shortcode.length,
                                                "'\(subdomain).' is written before the \(shortcode.name) variable: the host becomes '\(subdomain).\(subdomain).…' for every reader",
                                                help: "remove the literal '\(subdomain).'"))
                    }
                }
            }
        }
        return findings
    }

    /// The name of the subdomain variable whose default is `value` (`subdomain-authelia`).
    private func variable(for value: String, in source: PreparedSource) -> String {
        source.shortcodes.first { $0.name.hasPrefix("subdomain") && $0.defaultValue == value }?.name ?? "subdomain"
    }

    /// Whether `text` occurs in `line` anywhere but inside the given ranges.
    static func occurs(_ text: String, in line: Substring, outside ranges: [Range<String.Index>]) -> Bool {
        var from = line.startIndex
        while let found = line[from...].literalRange(of: text) {
            if !ranges.contains(where: { $0.contains(found.lowerBound) }) { return true }
            from = found.upperBound
        }
        return false
    }

    /// Host names with at least one label before a domain (`auth.example.com`; the bare domain
    /// is also a site or realm name in some guides, so it is left alone).
    static func literalHosts(in text: String, under domains: Set<String>) -> [(start: Int, length: Int)] {
        let scalars = Array(text.unicodeScalars)
        var found: [(Int, Int)] = []
        for domain in domains {
            let target = Array(("." + domain).unicodeScalars)
            var index = 0
            while index + target.count <= scalars.count {
                guard Array(scalars[index..<(index + target.count)]) == target else { index += 1; continue }
                let end = index + target.count
                if end < scalars.count, scalars[end].isHostCharacter, scalars[end] != "." { index += 1; continue }
                var start = index
                while start > 0, scalars[start - 1].isHostCharacter { start -= 1 }
                if start < index { found.append((start, end - start)) }
                index = end
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// Whether position `index` of a prose line is code: inside backticks, a link target or a
    /// URL (`https://…`).
    static func isCode(_ line: String, at index: Int) -> Bool {
        let before = Array(line.unicodeScalars.prefix(index))
        if before.filter({ $0 == "`" }).count % 2 == 1 { return true }
        let text = String(scalars: before)
        if let open = text.range(of: "](", options: .backwards), !text[open.upperBound...].containsLiteral(")") { return true }
        return text.hasSuffix("://") || text.range(of: "://[^ ]*$", options: .regularExpression) != nil
    }
}
