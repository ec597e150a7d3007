import GuideChecks
import GuideDocument
import GuideKnowledge

/// The index page of one site's folder (`index.md` and `index.html`): the applications
/// rendered, their client ids and redirect URIs, and every client of the site joined into one
/// Authelia `clients:` list — written back from each rendered guide's parsed YAML, then parsed
/// and checked again as Authelia's client configuration (unknown keys, types, values, a client
/// id used twice across applications).
enum SiteIndex {
    /// The index as a render of the site folder itself (`guide` is empty: the files go in the
    /// site's folder, beside the guides' folders).
    static func make(site: String, guides: [RenderedGuide], checker: Checker, template: String) throws(RenderError) -> RenderedGuide {
        var rows: [String] = []
        var clients: [String] = []
        var written: [YAMLNode] = []
        var definitions = OIDCDefinitions()
        var problems: [String] = []
        var named: [(client: AutheliaClient, application: String)] = []
        for rendered in guides.sorted(by: { $0.guide < $1.guide }) {
            problems += definitions.add(rendered.definitions, from: rendered.guide)
            // One guide giving the same client twice (a variant for another application
            // version) is one client for the site; the same id in two guides is a conflict.
            var seen: Set<String> = []
            let own = rendered.clients.filter { seen.insert($0.clientID?.string ?? "").inserted }
            let ids = own.compactMap { $0.clientID?.string }
            let redirects = own.flatMap { $0.redirectURIs.compactMap(\.string) }
            let title = rendered.title ?? rendered.guide
            // A list, not a table: CommonMark (cmark) has no tables.
            var row = "- **[\(inlineText(title))](\(rendered.guide)/guide.html)**"
            if !ids.isEmpty { row += " — client \(ids.map(codeSpan).joined(separator: ", "))" }
            if !redirects.isEmpty { row += ", redirect URI\(redirects.count == 1 ? "" : "s") \(redirects.map(codeSpan).joined(separator: ", "))" }
            rows.append(row)
            written += own.map(\.node)
            named += own.map { ($0, rendered.guide) }
            clients += own.flatMap { YAMLWriter.lines($0.node, indent: 6).enumerated().map { index, line in
                index == 0 ? "      - " + line.dropFirst(6) : "  " + line
            } }
        }
        // A reference page to `guidekit check` (no assumptions of its own): held to the schema
        // and value rules, which the joined clients and definitions must pass.
        var markdown = """
            ---
            guidekit_page: reference
            ---

            # Site \(site)

            Rendered by GuideKit for site **\(site)**: each application has its own guide, checked, with \
            its own client in Authelia. Client secrets are in each guide's `secrets.txt`.

            \(rows.joined(separator: "\n"))

            """
        problems += definitions.undefinedPolicies(of: named)
        guard problems.isEmpty else {
            throw RenderError(site: site, guide: "index", message: "the site's combined Authelia configuration would not start Authelia: " + problems.joined(separator: "; "))
        }
        var fragment = ""
        if !clients.isEmpty {
            // One fragment Authelia starts with: every client, and every claims policy, custom
            // scope and user attribute they use.
            var lines: [String] = []
            let attributes = definitions.lines(.userAttribute, indent: 4)
            if !attributes.isEmpty { lines += ["definitions:", "  user_attributes:"] + attributes }
            lines += ["identity_providers:", "  oidc:"]
            let policies = definitions.lines(.claimsPolicy, indent: 6)
            if !policies.isEmpty { lines += ["    claims_policies:"] + policies }
            let scopes = definitions.lines(.scope, indent: 6)
            if !scopes.isEmpty { lines += ["    scopes:"] + scopes }
            lines += ["    clients:"] + clients
            fragment = lines.joined(separator: "\n") + "\n"
            markdown += """

                ## Authelia: every client of this site

                Every client above in one piece for Authelia's configuration, with the claims \
                policies, custom scopes and user attributes they use (the digests of the \
                generated secrets, never the secrets); also in `authelia-oidc.yml`:

                ```yaml {title="configuration.yml" guide="authelia-client"}
                \(fragment)```

                """
        }
        // Proof: the joined list parses and passes every check of an Authelia client.
        let parsed = GuideParser.parse(path: "\(site)/index.md", text: markdown, html: true)
        var clientChecks = checker
        clientChecks.rules = checker.rules.filter { [.syntax, .client].contains(type(of: $0).description.kind) }
        let errors = clientChecks.run([parsed]).findings[0].filter { $0.severity == .error }
        // And it reads back as exactly the clients written: same keys, same values.
        let readBack = parsed.clients.map(\.node)
        guard errors.isEmpty, readBack.count == written.count, zip(readBack, written).allSatisfy({ $0.hasSameContent(as: $1) }) else {
            throw RenderError(site: site, guide: "index", message: "the site's joined Authelia client list does not check clean", findings: errors)
        }
        let html = HTMLPage(template: template).render(guide: parsed, siteName: site)
        var artifacts: [RenderedGuide.Artifact] = [
            .init(name: "index.md", content: markdown, permissions: 0o644),
            .init(name: "index.html", content: html, permissions: 0o644),
        ]
        if !fragment.isEmpty { artifacts.append(.init(name: "authelia-oidc.yml", content: fragment, permissions: 0o644)) }
        return RenderedGuide(site: site, guide: "", artifacts: artifacts, warnings: [], generatedSecret: false)
    }

    /// The text on one line: every run of line breaks, other whitespace and control
    /// characters becomes one space (a title must not start a new block: a link, a heading).
    static func oneLine(_ text: String) -> String {
        var output = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output += " "; pendingSpace = false }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    /// A guide's title as plain text on one line of Markdown, every ASCII punctuation
    /// character backslash-escaped (no emphasis, link, code or raw HTML can start inside it;
    /// CommonMark 2.4).
    static func inlineText(_ text: String) -> String {
        var output = ""
        for scalar in oneLine(text).unicodeScalars {
            if scalar.isASCII, scalar.properties.isPatternSyntax || scalar == "_" { output += "\\" }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    /// A value as a code span that nothing inside it can end: a fence of backticks longer
    /// than any run in the value, line breaks as spaces.
    static func codeSpan(_ value: String) -> String {
        let flat = oneLine(value)
        var longest = 0, run = 0
        for character in flat { run = character == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
