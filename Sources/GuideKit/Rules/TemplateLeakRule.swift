/// `template-leak`: in a guide written with site variables, no host is written literally.
struct TemplateLeakRule: GuideRule {
    static let description = RuleDescription(
        id: "template-leak",
        severity: .error,
        summary: "A host written literally (auth.example.com) in a guide that builds its hosts from site variables, or a doubled subdomain.",
        explanation: """
            The upstream Authelia guides build every host from site variables \
            (`{{< sitevar name="domain" nojs="example.com" >}}`), so a reader who sets their own \
            domain on the website sees their own hosts everywhere. A host typed out literally \
            (`https://auth.example.com/…` in a command, a URL or a code span) stays \
            `example.com` for that reader: the guide works for the default site only. A literal \
            subdomain next to the subdomain variable (`auth.{{< sitevar name="subdomain-authelia" \
            … >}}`) doubles it for everyone (`auth.auth.example.com`). GuideKit renders every \
            guide for other sites, where such a leak shows; write the host with the site \
            variables as the rest of the guide does.
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
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Authelia Root URL: `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`

            Django creates a default site named `example.com`; rename it.
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        let source = guide.source
        // A guide written with site variables: its assumptions use them (a page that merely
        // shows the shortcode in an example is not one).
        guard guide.assumptions.contains(where: { $0.rawValue.map { source.hasShortcodes(line: $0.location.line) } ?? false }) else { return [] }
        let domains = Set(source.shortcodes.filter { $0.name == "domain" }.map(\.defaultValue)).filter { $0.contains(".") }
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
            let shortcodes = SitevarShortcode.scan(line, lineNumber: number)
            // Most such lines name the domain only inside shortcodes (`nojs="example.com"`):
            // nothing typed, skip them before the scalar work below.
            guard subdomains.contains(where: { line.contains($0 + ".{{<") })
                    || domains.contains(where: { Self.occurs($0, in: line, outside: shortcodes.map(\.range)) }) else { continue }
            // The line with each shortcode blanked out (same length): what is left was typed.
            var scalars = Array(line.unicodeScalars)
            var shortcodeStarts: [Int: SitevarShortcode] = [:]
            for (shortcode, range) in shortcodes {
                let start = line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound)
                let end = line.unicodeScalars.distance(from: line.startIndex, to: range.upperBound)
                for index in start..<end { scalars[index] = "\u{1}" }
                shortcodeStarts[start] = shortcode
            }
            let typed = String(scalars: scalars)
            for host in Self.literalHosts(in: typed, under: domains) where codeLines.contains(number) || Self.isCode(typed, at: host.start) {
                let text = String(typed.unicodeScalars.dropFirst(host.start).prefix(host.length))
                findings.append(finding(guide, at: SourceLocation(line: number, column: host.start + 1), length: host.length,
                                        "'\(text)' is written literally; the rest of the guide builds this host from the site variables, so readers with their own domain get the example host here",
                                        help: "write the host with the sitevar shortcodes, as in the assumptions"))
            }
            // `auth.{{< sitevar name="subdomain-authelia" nojs="auth" >}}`: the subdomain twice.
            for (start, shortcode) in shortcodeStarts where shortcode.name.hasPrefix("subdomain") {
                let label = Array((shortcode.defaultValue + ".").unicodeScalars)
                guard start >= label.count, Array(scalars[(start - label.count)..<start]) == label else { continue }
                findings.append(finding(guide, at: SourceLocation(line: number, column: start + 1), length: shortcode.length,
                                        "'\(shortcode.defaultValue).' is written before the \(shortcode.name) variable: the host becomes '\(shortcode.defaultValue).\(shortcode.defaultValue).…' for every reader",
                                        help: "remove the literal '\(shortcode.defaultValue).'"))
            }
        }
        return findings
    }

    /// Whether `text` occurs in `line` anywhere but inside the given ranges.
    static func occurs(_ text: String, in line: Substring, outside ranges: [Range<String.Index>]) -> Bool {
        var from = line.startIndex
        while let found = line[from...].range(of: text) {
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
                if end < scalars.count, Replacements.isHostCharacter(scalars[end]), scalars[end] != "." { index += 1; continue }
                var start = index
                while start > 0, Replacements.isHostCharacter(scalars[start - 1]) { start -= 1 }
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
        if let open = text.range(of: "](", options: .backwards), !text[open.upperBound...].contains(")") { return true }
        return text.hasSuffix("://") || text.range(of: "://[^ ]*$", options: .regularExpression) != nil
    }
}
