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
        var expectedClients = 0
        for rendered in guides.sorted(by: { $0.guide < $1.guide }) {
            // One guide giving the same client twice (a variant for another application
            // version) is one client for the site; the same id in two guides is a conflict.
            var seen: Set<String> = []
            let own = rendered.clients.filter { seen.insert($0.clientID?.string ?? "").inserted }
            let ids = own.compactMap { $0.clientID?.string }
            let redirects = own.flatMap { $0.redirectURIs.compactMap(\.string) }
            let title = rendered.title ?? rendered.guide
            // A list, not a table: CommonMark (cmark) has no tables.
            var row = "- **[\(cell(title))](\(rendered.guide)/guide.html)**"
            if !ids.isEmpty { row += " — client \(ids.map { "`\($0)`" }.joined(separator: ", "))" }
            if !redirects.isEmpty { row += ", redirect URI\(redirects.count == 1 ? "" : "s") \(redirects.map { "`\($0)`" }.joined(separator: ", "))" }
            rows.append(row)
            expectedClients += own.count
            clients += own.flatMap { YAMLWriter.lines($0.node, indent: 6).enumerated().map { index, line in
                index == 0 ? "      - " + line.dropFirst(6) : "  " + line
            } }
        }
        var markdown = """
            # Site \(site)

            Rendered by GuideKit for site **\(site)**: each application has its own guide, checked, with \
            its own client in Authelia. Client secrets are in each guide's `secrets.txt`.

            \(rows.joined(separator: "\n"))

            """
        if !clients.isEmpty {
            markdown += """

                ## Authelia: every client of this site

                Every client above in one piece for Authelia's configuration (the digests of the \
                generated secrets, never the secrets):

                ```yaml {title="configuration.yml" guide="authelia-client"}
                identity_providers:
                  oidc:
                    clients:
                \(clients.joined(separator: "\n"))
                ```

                """
        }
        // Proof: the joined list parses and passes every check of an Authelia client.
        let parsed = GuideParser.parse(path: "\(site)/index.md", text: markdown, html: true)
        var clientChecks = checker
        clientChecks.rules = checker.rules.filter { [.syntax, .client].contains(type(of: $0).description.kind) }
        let errors = clientChecks.run([parsed]).findings[0].filter { $0.severity == .error }
        guard errors.isEmpty, parsed.clients.count == expectedClients else {
            throw RenderError(site: site, guide: "index", message: "the site's joined Authelia client list does not check clean", findings: errors)
        }
        let html = HTMLPage(template: template).render(guide: parsed, siteName: site)
        return RenderedGuide(site: site, guide: "", artifacts: [
            .init(name: "index.md", content: markdown, permissions: 0o644),
            .init(name: "index.html", content: html, permissions: 0o644),
        ], warnings: [], generatedSecret: false)
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
    }
}
