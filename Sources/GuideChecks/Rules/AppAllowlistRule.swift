import GuideDocument
import GuideKnowledge

/// `app-allowlist`: an allowlist of hosts or origins the application is given (CSRF trusted
/// origins, allowed hosts, CORS origins, redirect allowlists) names the application's own host.
struct AppAllowlistRule: GuideRule {
    static let description = RuleDescription(
        id: "app-allowlist",
        kind: .crossCheck,
        severity: .error,
        summary: "An allowlist of the application's own hosts (CSRF trusted origins, allowed hosts, redirect domains) leaves it out.",
        explanation: """
            Settings such as `CSRF_TRUSTED_ORIGINS`, `ALLOWED_HOSTS`, `trusted_domains` or \
            "Allowed Redirect Domains" list the hosts the application accepts requests from or \
            sends users to. (CORS origins and hosts allowed to embed the application list other \
            sites and are not checked.) They must cover the Application Root \
            URL's host (exactly, or by a `.example.com` / `*.example.com` pattern); a list that \
            names other hosts of the same site but not this one was usually copied from another \
            guide or points at the wrong server. Where the application checks the list, the \
            requests it was meant to admit are refused: Django answers "Invalid HTTP_HOST \
            header" for a host missing from `ALLOWED_HOSTS`, and 403 "CSRF verification \
            failed" for a form posted through a proxy whose origin is missing from \
            `CSRF_TRUSTED_ORIGINS`; a redirect allowlist stops the redirect back after login. \
            A list that names only Authelia's host is a warning: some applications want the \
            provider's origin there as well, but their own is missing. `*` allows everything \
            and is left alone.
            """,
        reads: [.settings, .assumptions],
        basis: [
            RuleBasis(.guideConsistency, "the allowlist's hosts against the Application Root URL and Authelia Root URL assumptions"),
            RuleBasis(.specification, "Django's CSRF_TRUSTED_ORIGINS and ALLOWED_HOSTS (docs.djangoproject.com/en/stable/ref/settings/): requests from an origin or host not listed are refused; a leading dot matches subdomains"),
        ],
        triggeringExamples: [
            """
            ### Assumptions
            - Application Root URL: `https://paperless.example.com/`
            - Authelia Root URL: `https://auth.example.com/`

            ### Application
            ```shell {title=".env"}
            PAPERLESS_CSRF_TRUSTED_ORIGINS=↓https://wiki.example.com
            ```
            """,
            """
            ### Assumptions
            - Application Root URL: `https://paperless.example.com/`
            - Authelia Root URL: `https://auth.example.com/`

            ### Application
            - Allowed Redirect Domains: `↓auth.example.com`
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Application Root URL: `https://paperless.example.com/`
            - Authelia Root URL: `https://auth.example.com/`

            ### Application
            ```shell {title=".env"}
            PAPERLESS_CSRF_TRUSTED_ORIGINS=https://paperless.example.com,https://auth.example.com
            PAPERLESS_ALLOWED_HOSTS=.example.com
            CORS_ALLOWED_ORIGINS=*
            PAPERLESS_ALLOWED_EMAIL_DOMAINS=corp.example.org
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        guard let app = guide.assumption(.applicationRootURL)?.value?.url else { return [] }
        let autheliaHost = guide.assumption(.autheliaRootURL)?.value?.url?.host
        let site = Self.parentDomain(of: app.host)
        return guide.settings.compactMap { setting in
            guard context.meaning(of: setting) == .allowedOrigins, !TemplateSyntax.isTemplated(setting.value.value),
                  Placeholder.of(setting.value.value) == nil else { return nil }
            let entries = Self.entries(setting.value.value)
            guard !entries.isEmpty, !entries.contains("*") else { return nil }
            let hosts = entries.compactMap(Self.host(of:))
            guard !hosts.contains(where: { Self.covers($0, app.host) }) else { return nil }
            // Only lists meant for this site: a host of the guide's own domain (or Authelia's).
            guard hosts.contains(where: { entry in
                entry.pattern == autheliaHost || site.map { entry.pattern == $0 || entry.pattern.hasSuffix("." + $0) } == true
            }) else { return nil }
            let onlyAuthelia = hosts.allSatisfy { $0.pattern == autheliaHost }
            let wanted = entries.first?.containsLiteral("://") == true ? app.origin : app.host
            return finding(guide, at: setting.value,
                           onlyAuthelia
                               ? "\(setting.key.value) names Authelia's host but not the application's own (\(app.host)): where the application checks this list, its own pages are not admitted"
                               : "\(setting.key.value) does not include the application's own host \(app.host) (it lists \(hosts.map(\.pattern).joined(separator: ", "))): the requests this list is meant to admit (the application's own pages, the redirect back after login) are refused",
                           help: "add '\(wanted)'", severity: onlyAuthelia ? .warning : .error)
        }
    }

    /// A host entry: `links.example.com`, or a pattern matching subdomains (`.example.com`,
    /// `*.example.com`).
    struct HostEntry: Equatable {
        var pattern: String
        var matchesSubdomains: Bool
    }

    /// The entries of a list value: separated by commas, spaces or semicolons, with quotes and
    /// brackets of YAML or JSON lists removed.
    static func entries(_ value: String) -> [String] {
        value.split(whereSeparator: { ",; []\"'".contains($0) }).map(String.init).filter { !$0.isEmpty }
    }

    static func host(of entry: String) -> HostEntry? {
        var text = entry.lowercased()
        if let scheme = text.literalRange(of: "://") { text = String(text[scheme.upperBound...]) }
        text = String(text.prefix { $0 != "/" && $0 != ":" })
        if text.hasPrefix("*.") { return HostEntry(pattern: String(text.dropFirst(2)), matchesSubdomains: true) }
        if text.hasPrefix(".") { return HostEntry(pattern: String(text.dropFirst()), matchesSubdomains: true) }
        return text.containsLiteral(".") || text == "localhost" ? HostEntry(pattern: text, matchesSubdomains: false) : nil
    }

    static func covers(_ entry: HostEntry, _ host: String) -> Bool {
        entry.pattern == host || (entry.matchesSubdomains && host.hasSuffix("." + entry.pattern))
    }

    /// `example.com` for `links.example.com`; nil for a host of one or two labels.
    static func parentDomain(of host: String) -> String? {
        let labels = host.split(separator: ".")
        return labels.count > 2 ? labels.dropFirst().joined(separator: ".") : nil
    }
}
