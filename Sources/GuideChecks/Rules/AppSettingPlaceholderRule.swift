import GuideDocument
import GuideKnowledge

/// `app-setting-placeholder`: where the guide states a value, the application is given it,
/// not a stand-in.
struct AppSettingPlaceholderRule: GuideRule {
    static let description = RuleDescription(
        id: "app-setting-placeholder",
        kind: .crossCheck,
        severity: .error,
        summary: "An application setting holds a placeholder (<Client ID>, YOUR_CLIENT_SECRET, changeme, xxx) or a bracketed URL where the guide states the value.",
        explanation: """
            A guide states its values once, in the assumptions, and every other place uses \
            them, so a reader who follows the guide word for word ends with a working login. A \
            setting written as `<Client ID>`, `YOUR_CLIENT_SECRET`, `changeme`, `xxx`, `...` or \
            `{{ client_id }}` breaks that: the reader pastes the placeholder, or has to guess \
            which value it means, although the guide knows it. A URL written as \
            `<https://auth.example.com>` is Markdown's link syntax, not a value: in a \
            configuration file or command the brackets become part of the URL. Write the \
            guide's own value (GuideKit can fix it).
            """,
        reads: [.settings, .assumptions],
        basis: [RuleBasis(.guideConsistency, "an application setting whose meaning has an assumption value, written as a placeholder instead")],
        triggeringExamples: [
            """
            ### Assumptions
            - Client ID: `grafana`
            - Client Secret: `insecure_secret`

            ### Application
            ```ini {guide="app-settings"}
            client_id = grafana
            client_secret = ↓YOUR_CLIENT_SECRET
            ```
            """,
            """
            ### Assumptions
            - Authelia Root URL: `https://auth.example.com/`

            ### Application
            ```ini {guide="app-settings"}
            oidc-issuer = ↓<https://auth.example.com>
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Client ID: `grafana`
            - Client Secret: `insecure_secret`

            ### Application
            ```ini {guide="app-settings"}
            client_id = grafana
            client_secret = insecure_secret
            ```
            """,
        ],
        fixExamples: [
            FixExample("""
                ### Assumptions
                - Client ID: `grafana`

                ### Application
                ```ini {guide="app-settings"}
                client_id = ↓<Client ID>
                ```
                """, """
                ### Assumptions
                - Client ID: `grafana`

                ### Application
                ```ini {guide="app-settings"}
                client_id = grafana
                ```
                """),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        for setting in guide.settings {
            guard let placeholder = Placeholder.of(setting.value.value), let meaning = context.meaning(of: setting),
                  let expected = Self.statedValue(for: meaning, in: guide) else { continue }
            let value = setting.value.value
            switch placeholder {
            case .standIn(let kind):
                // A secret is named by where it is stated, never shown (output masks it anyway).
                let stated = meaning == .clientSecret || meaning == .clientIDOrSecret ? "in its Client Secret assumption" : "as '\(expected)'"
                let write = meaning == .clientSecret || meaning == .clientIDOrSecret ? "the Client Secret assumption's value" : "'\(expected)'"
                findings.append(finding(guide, at: setting.value,
                                        "\(setting.key.value) is '\(value)', \(kind), where the guide states the value \(stated)",
                                        help: "write \(write)", subject: "\(setting.key.value) placeholder")
                    .with(replacing(guide, setting.value, with: expected, "write '\(expected)'")))
            case .bracketedURL(let url):
                findings.append(finding(guide, at: setting.value,
                                        "\(setting.key.value) is '\(value)': the angle brackets are Markdown link syntax and would become part of the URL",
                                        help: "write '\(url)' without the brackets", subject: "\(setting.key.value) bracketed")
                    .with(replacing(guide, setting.value, with: url, "remove the angle brackets")))
            }
        }
        return findings
    }

    /// The value the guide's assumptions give for a setting of this meaning, if any.
    static func statedValue(for meaning: SettingMeaning, in guide: Guide) -> String? {
        switch meaning {
        case .clientID: guide.assumption(.clientID)?.value?.text
        case .clientSecret: guide.assumption(.clientSecret)?.value?.text
        case .clientIDOrSecret: guide.assumption(.clientSecret)?.value?.text ?? guide.assumption(.clientID)?.value?.text
        case .realm: guide.assumption(.realm)?.value?.text
        case .issuerURL, .endpoint, .discoveryURL:
            guide.assumption(.autheliaRootURL)?.value?.url.map { $0.origin + $0.normalizedPath }
        case .appBaseURL: guide.assumption(.applicationRootURL)?.value?.url.map { $0.origin + $0.normalizedPath }
        default: nil
        }
    }
}
