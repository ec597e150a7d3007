import Foundation
import GuideDocument
import GuideKnowledge

/// `profile-redirect-uri`: the client registers, exactly, the redirect URI the application
/// will send, as its profile documents it.
struct ProfileRedirectURIRule: GuideRule {
    static let description = RuleDescription(
        id: "profile-redirect-uri",
        kind: .profile,
        severity: .error,
        summary: "The client does not register the exact redirect URI the application sends.",
        explanation: """
            Each application builds its redirect URI in its own way: Proxmox VE sends the \
            browser's origin (`https://proxmox.example.com`, no slash), Grafana \
            `<root>/login/generic_oauth`, Gitea `<root>/user/oauth2/<source name>/callback`, \
            Jellyfin's SSO plugin `<root>/sso/OID/redirect/<provider name>` and django-allauth \
            applications (Paperless-ngx, Tandoor) `<root>/accounts/oidc/<provider_id>/login/callback/`, \
            with the name the guide gives in the application's own settings. When a guide \
            writes that name twice with different values (a provider id in the `.env` and the \
            compose variant), the value whose callback the client does not register is reported \
            where it is written. \
            Authelia compares redirect URIs byte for byte, so with an application profile \
            GuideKit derives the URI from the Application Root URL and requires it among the \
            client's `redirect_uris`, exactly (a trailing slash is a different URI). \
            `guidekit profiles` lists the applications GuideKit knows.
            """,
        reads: [.clients],
        basis: [
            RuleBasis(.application, "the callback path template of the application's profile, each citing the application's documentation (docs/PROFILES.md)"),
            RuleBasis(.autheliaRequest, "exact redirect URI comparison (authelia.com/provider/oauth2, authorize_helper.go)"),
        ],
        triggeringExamples: [
            // Two variants that disagree on the provider id the callback path is built from.
            example("paperless", root: "https://docs.example.com/", id: "paperless",
                    redirects: "'https://docs.example.com/accounts/oidc/authelia/login/callback/'", after: "\n" + """

                ### Application
                ```shell {title=".env"}
                PAPERLESS_SOCIALACCOUNT_PROVIDERS={"openid_connect":{"APPS":[{"provider_id":"↓sso"}]}}
                ```

                ```yaml {title="compose.yml"}
                environment:
                  PAPERLESS_SOCIALACCOUNT_PROVIDERS: '{"openid_connect":{"APPS":[{"provider_id":"authelia"}]}}'
                ```
                """),
            example("proxmox", root: "https://proxmox.example.com/", id: "proxmox", redirects: "↓'https://proxmox.example.com/'"),
            example("grafana", root: "https://grafana.example.com/", id: "grafana", redirects: "↓'https://grafana.example.com/login/oauth'"),
            example("jellyfin", root: "https://jellyfin.example.com/", id: "jellyfin",
                    redirects: "↓'https://jellyfin.example.com/sso/OID/redirect/authelia'", after: "\n\n### Application\n- Name of the OID Provider: `sso`"),
        ],
        nonTriggeringExamples: [
            example("jellyfin", root: "https://jellyfin.example.com/", id: "jellyfin",
                    redirects: "'https://jellyfin.example.com/sso/OID/redirect/authelia'", after: "\n\n### Application\n- Name of the OID Provider: `authelia`"),
            example("proxmox", root: "https://proxmox.example.com/", id: "proxmox",
                    redirects: "'https://proxmox.example.com', 'https://pve1.example.com:8006'"),
            example("gitea", root: "https://git.example.com/", id: "gitea",
                    redirects: "'https://git.example.com/user/oauth2/authelia/callback'",
                    assumptions: "- Authentication Name (Gitea): `authelia`\n"),
        ],
        fixExamples: [
            // The assumption and Grafana's own callback agree; the client's only entry is wrong.
            FixExample(example("grafana", root: "https://grafana.example.com/", id: "grafana",
                               redirects: "↓'https://grafana.example.com/login/oauth'", after: "\n"),
                       example("grafana", root: "https://grafana.example.com/", id: "grafana",
                               redirects: "'https://grafana.example.com/login/generic_oauth'", after: "\n")),
            FixExample(example("proxmox", root: "https://app.example.com/", id: "app", redirects: "↓'https://app.example.com/'",
                               authelia: true, after: "\n"),
                       example("proxmox", root: "https://app.example.com/", id: "app", redirects: "'https://app.example.com'",
                               authelia: true, after: "\n")),
        ])

    /// An example guide for `application`: its assumptions (`root`, optionally Authelia's,
    /// `assumptions` more, the client id), the client registering `redirects` (YAML flow
    /// items), then `after`.
    private static func example(_ application: String, root: String, id: String, redirects: String,
                                assumptions: String = "", authelia: Bool = false, after: String = "") -> String {
        """
        ---
        application: \(application)
        ---
        ### Assumptions
        - Application Root URL: `\(root)`
        \(authelia ? "- Authelia Root URL: `https://auth.example.com/`\n" : "")- Client ID: `\(id)`
        \(assumptions)
        ```yaml {guide="authelia-client"}
        - client_id: '\(id)'
          redirect_uris: [\(redirects)]
        ```\(after)
        """
    }

    func check(_ context: CheckContext) -> [Finding] {
        guard let profile = context.profile, let root = context.guide.assumption(.applicationRootURL)?.value?.url else { return [] }
        let expectedID = context.guide.assumption(.clientID)?.value?.text
        var targets = context.clients.map(\.client).filter { $0.clientID?.value == expectedID }
        if targets.isEmpty { targets = context.clients.map(\.client) }
        // A block that repeats a client only to add settings (forgejo's claims policy) has
        // no redirect_uris of its own; the blocks that do are the ones to check.
        if targets.contains(where: { !$0.redirectURIs.isEmpty }) { targets.removeAll { $0.redirectURIs.isEmpty } }
        // A client whose redirect URIs are placeholders (`<copy from the application>`) is
        // filled in by the reader from the application's own screen: nothing to compare.
        targets.removeAll { client in client.redirectURIs.contains { WebURL($0.value) == nil && $0.value.containsLiteral("<") } }
        // Several clients and none named by the Client ID assumption (a web client beside
        // desktop and mobile ones): the application's callback must be registered by one of them.
        let anyClient = targets.count > 1 && !context.clients.contains { $0.client.clientID?.value == expectedID }
        var findings: [Finding] = []
        for requirement in profile.redirectURIs {
            findings += variantFindings(requirement, root: root, targets: targets, context: context, profile: profile)
            guard let templates = RedirectAdvice.effectiveAlternatives(requirement, profile: profile, guide: context.guide) else { continue }
            let alternatives = templates.compactMap { profile.redirectURI($0, root: root, guide: context.guide) }
            guard alternatives.count == templates.count else { continue }  // an assumption or setting is missing
            if anyClient, targets.contains(where: { $0.redirectURIs.map(\.value).contains(where: alternatives.contains) }) { continue }
            for client in anyClient ? Array(targets.prefix(1)) : targets {
                let registered = client.redirectURIs.map(\.value)
                guard !registered.contains(where: alternatives.contains) else { continue }
                let wrong = RedirectAdvice.closestEntry(client.redirectURIs, to: alternatives[0])
                let anchor = wrong ?? client.node.keyNode("redirect_uris") ?? client.anchor
                let wanted = alternatives.map { "'\($0)'" }.joined(separator: " or ")
                let near = registered.first { uri in alternatives.contains { WebURL.areEquivalent($0, uri) } }
                let because = ApplicationProfile.settingKeys(inTemplate: templates[0]).compactMap { key in
                    profile.settingValue(key, in: context.guide).map { "its \(key) is '\($0)'" }
                }.joined(separator: ", ")
                let source = because.isEmpty ? "" : " (\(because))"
                let message = near.map { "\(profile.name) sends \(wanted)\(source), but client \(client.displayName) registers '\($0)'; Authelia compares redirect URIs exactly" }
                    ?? "\(profile.name) sends the redirect URI \(wanted)\(source), which client \(client.displayName) does not register"
                // A near miss (trailing slash, case) has exactly one right spelling: fixable.
                let nearNode = near.flatMap { value in client.redirectURIs.first { $0.value == value }?.node }
                let expected = near.flatMap { value in alternatives.first { WebURL.areEquivalent($0, value) } }
                let fix = nearNode.flatMap { node in expected.flatMap { replacing(context.guide, node, with: $0, "register exactly '\($0)'") } }
                let written = wrong.map { RedirectAdvice.guideForm(of: alternatives[0], like: $0, in: context.guide) } ?? alternatives[0]
                let help = wrong == nil ? "add '\(written)' to redirect_uris" : "register '\(written)' (here, or as another redirect_uris entry)"
                // The assumption and the application's own callback agree on one URI and the
                // client's only entry says otherwise: the repair is certain, written in the
                // guide's own form (site variables where the guide builds hosts from them).
                var certain: Fix?
                if fix == nil, alternatives.count == 1, client.redirectURIs.count == 1, let wrong,
                   let span = RedirectAdvice.writtenSpan(of: wrong, in: context.guide) {
                    certain = Fix("register '\(written)'", edits: [TextEdit(line: wrong.location.line, column: span.column, length: span.length, replacement: written)])
                }
                findings.append(finding(context.guide, at: anchor, message, help: help).with(fix ?? certain))
            }
        }
        return findings
    }

    /// A guide that writes the setting a callback path is built from more than once (a
    /// provider id in the `.env` and in the compose variant) with different values: each
    /// value whose callback the client does not register, while another value's it does, is
    /// reported where that value is written (the readers of that variant get the error).
    func variantFindings(_ requirement: ApplicationProfile.RedirectRequirement, root: WebURL, targets: [OIDCClient],
                         context: CheckContext, profile: ApplicationProfile) -> [Finding] {
        // The alternative built from one setting (a provider id in the path, or an override URL).
        guard let template = requirement.alternatives.first(where: { ApplicationProfile.settingKeys(inTemplate: $0).count == 1 }),
              let key = ApplicationProfile.settingKeys(inTemplate: template).first,
              // A whole redirect URI written in a setting is app-redirect-uri's to compare.
              template != "{setting:\(key)}" else { return [] }
        var written: [(value: String, setting: AppSetting)] = []
        for setting in profile.writtenSettings(key, in: context.guide) {
            let value = ConfigLineReader.unquoted(setting.value.value)
            guard !value.isEmpty, !TemplateSyntax.isTemplated(value), !written.contains(where: { $0.value == value }) else { continue }
            written.append((value, setting))
        }
        guard written.count > 1 else { return [] }
        let registered = Set(targets.flatMap { $0.redirectURIs.map(\.value) })
        func uris(_ value: String) -> [String] {
            [template].compactMap { profile.redirectURI($0, root: root, guide: context.guide, overriding: [key: value]) }
        }
        let good = written.filter { uris($0.value).contains(where: registered.contains) }
        guard let right = good.first else { return [] }  // none registered: the client is reported below
        return written.filter { entry in !good.contains { $0.value == entry.value } }.map { entry in
            finding(context.guide, at: entry.setting.value,
                    "\(key) '\(entry.value)' here makes \(profile.name) send '\(uris(entry.value).first ?? "")', which the client does not register (it registers the callback for '\(right.value)', the value written at line \(right.setting.value.location.line))",
                    help: "write '\(right.value)' here, as the rest of the guide does", subject: "\(key) \(entry.value)")
        }
    }
}
