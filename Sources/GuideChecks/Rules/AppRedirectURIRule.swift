import GuideDocument
import GuideKnowledge

/// `app-redirect-uri`: the redirect URI the application is configured with is registered.
struct AppRedirectURIRule: GuideRule {
    static let description = RuleDescription(
        id: "app-redirect-uri",
        kind: .crossCheck,
        severity: .error,
        summary: "The application's redirect URI is not among its client's redirect_uris.",
        explanation: """
            Authelia compares the redirect URI an application sends with the client's \
            `redirect_uris` byte for byte (case and trailing slash included). When a guide \
            tells the application its redirect or callback URL, that exact string must be \
            registered.
            """,
        reads: [.settings],
        basis: [RuleBasis(.autheliaRequest, "the redirect_uri of a request must equal a registered redirect URI exactly (authelia.com/provider/oauth2, authorize_helper.go)")],
        triggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              redirect_uris: ['https://app.example.com/oauth/callback']
            ```

            ### Application
            - Redirect URL: `↓https://app.example.com/oauth/callback/`
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              redirect_uris: ['https://app.example.com/oauth/callback']
            ```

            ### Application
            - Redirect URL: `https://app.example.com/oauth/callback`
            - Post Logout Redirect URI: `https://app.example.com/`
            """,
        ],
        fixExamples: [
            .applicationStep("- Redirect URI: `↓https://app.example.com/cb/`",
                             "- Redirect URI: `https://app.example.com/cb`"),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        guard let client = context.primaryClient else { return [] }
        let registered = client.redirectURIs.map(\.value)
        guard !registered.isEmpty else { return [] }
        return context.guide.settings.compactMap { setting in
            let value = setting.value.value
            guard context.meaning(of: setting) == .redirectURI, !TemplateSyntax.isTemplated(value),
                  value.containsLiteral("://"), !registered.contains(value) else { return nil }
            // A setting that lists several URIs (opkssh's `redirect_uris`): each must be registered.
            let listed = value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            if listed.count > 1 {
                let missing = listed.filter { $0.containsLiteral("://") && !registered.contains($0) }
                guard !missing.isEmpty else { return nil }
                return finding(context.guide, at: setting.value,
                               "\(setting.key.value) lists \(missing.map { "'\($0)'" }.joined(separator: ", ")), which client \(client.displayName) does not register",
                               help: "register \(missing.count == 1 ? "it" : "them") in redirect_uris")
            }
            let nearly = registered.first { WebURL.areEquivalent($0, value) }
            let message = nearly.map { "\(setting.key.value) '\(value)' differs from the registered '\($0)' (Authelia compares redirect URIs exactly, trailing slash included)" }
                ?? "\(setting.key.value) '\(value)' is not among client \(client.displayName)'s redirect_uris"
            return finding(context.guide, at: setting.value, message,
                           help: "register it in redirect_uris, or use \(registered.map { "'\($0)'" }.joined(separator: " or "))")
                .with(nearly.flatMap { replacing(context.guide, setting.value, with: $0, "use the registered redirect URI '\($0)'") })
        }
    }
}
