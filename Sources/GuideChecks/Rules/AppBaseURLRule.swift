import GuideDocument
import GuideKnowledge

/// `app-base-url`: the application's own public URL is the Application Root URL.
struct AppBaseURLRule: GuideRule {
    static let description = RuleDescription(
        id: "app-base-url",
        kind: .crossCheck,
        severity: .error,
        summary: "The application's base URL differs from the Application Root URL.",
        explanation: """
            Settings such as `root_url`, `APP_URL`, `PUBLIC_URL` or `Base URL` tell the \
            application its own public address, from which it builds the redirect URI it sends \
            to Authelia. If it differs from the Application Root URL (scheme, host, port or \
            path; trailing slashes aside), the redirect URI will not be the registered one. A \
            base URL on Authelia's host is the provider's, not the application's, and is left \
            to authelia-url.
            """,
        reads: [.settings],
        basis: [RuleBasis(.guideConsistency, "the application's base URL setting against the Application Root URL assumption")],
        triggeringExamples: [
            """
            ### Assumptions
            - Application Root URL: `https://grafana.example.com/`

            ### Application
            ```ini
            [server]
            root_url = ↓https://grafana.example.org
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Application Root URL: `https://grafana.example.com/`

            ### Application
            ```shell {title=".env"}
            GF_SERVER_ROOT_URL=https://grafana.example.com
            OIDC_PROVIDER_BASE_URL=https://auth.example.com
            ```
            """,
        ],
        fixExamples: [
            .applicationStep("- Base URL: `↓https://app.example.org/`",
                             "- Base URL: `https://app.example.com/`"),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        guard let root = context.guide.assumption(.applicationRootURL)?.value?.url else { return [] }
        let autheliaHost = context.guide.assumption(.autheliaRootURL)?.value?.url?.host
        return context.guide.settings.compactMap { setting in
            guard context.meaning(of: setting) == .appBaseURL, !TemplateSyntax.isTemplated(setting.value.value),
                  let url = WebURL(setting.value.value), !url.isEquivalent(to: root) else { return nil }
            // A "base URL" on Authelia's host is the provider's (`base_url` under an `oidc`
            // section); authelia-url checks it.
            guard url.host != autheliaHost else { return nil }
            let wanted = root.origin + root.normalizedPath + (setting.value.value.hasSuffix("/") ? "/" : "")
            return finding(context.guide, at: setting.value,
                           "\(setting.key.value) '\(url.text)' is not the Application Root URL '\(root.text)'",
                           help: "use '\(root.origin)\(root.normalizedPath)'")
                .with(replacing(context.guide, setting.value, with: wanted, "set \(setting.key.value) to the Application Root URL"))
        }
    }
}
